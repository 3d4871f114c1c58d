pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The three facet kinds as chips with live counts (Python computes them: `catalog.years`, `.districts`,
// `.tags`). Within one kind ticked chips add up («или»); kinds narrow each other. The result line above the
// grid says it in words.
Column {
    id: panel

    property var source: Catalog
    spacing: Theme.unit * 2

    component Heading: Text {
        width: panel.width
        textFormat: Text.PlainText
        color: Theme.gold
        font.family: Theme.sans
        font.pixelSize: Theme.smallSize
        font.bold: true
        font.capitalization: Font.AllUppercase
        font.letterSpacing: Theme.px(1.5)
        topPadding: Theme.unit
        wrapMode: Text.Wrap
    }

    Heading { text: qsTr("Год присвоения звания") }
    Flow {
        width: panel.width
        spacing: Theme.unit * 2
        Repeater {
            model: panel.source.years
            Chip {
                required property var model
                maxWidth: panel.width
                objectName: "facetYear_" + model.key
                text: model.label
                count: model.count
                checked: model.checked
                available: model.available
                swatch: Theme.yearColor(model.value)
                onActivated: panel.source.toggleYear(model.value)
            }
        }
    }

    Heading { text: qsTr("Федеральный округ") }
    Flow {
        width: panel.width
        spacing: Theme.unit * 2
        Repeater {
            model: panel.source.districts
            Chip {
                required property var model
                maxWidth: panel.width
                objectName: "facetDistrict_" + model.index
                text: model.label
                count: model.count
                checked: model.checked
                available: model.available
                onActivated: panel.source.toggleDistrict(model.value)
            }
        }
    }

    Heading { text: qsTr("Вклад в Победу") }
    Flow {
        width: panel.width
        spacing: Theme.unit * 2
        Repeater {
            model: panel.source.tags
            Chip {
                required property var model
                maxWidth: panel.width
                objectName: "facetTag_" + model.key
                text: model.label
                icon: model.icon
                count: model.count
                checked: model.checked
                available: model.available
                onActivated: panel.source.toggleTag(model.value)
            }
        }
    }
}
