pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The three facet kinds as chips with live counts (Python computes them: `Catalog.years`, `.districts`,
// `.tags`). Within one kind ticked chips add up («или»); kinds narrow each other. The result line above the
// grid says it in words.
Column {
    id: panel

    property Catalog source: Catalog
    spacing: Theme.unit * 2

    component Heading: KText {
        kind: KText.Secondary
        width: panel.width
        color: Theme.gold
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
                id: yearChip
                // The model's roles, by name: a renamed role is a load error, not an empty chip.
                required available
                required checked
                required count
                required property string key
                required property string label
                required property var value   // var: a year (int) or a district or tag (string)
                maxWidth: panel.width
                objectName: "facetYear_" + yearChip.key
                text: yearChip.label
                swatch: Theme.yearColor(yearChip.value)
                onActivated: panel.source.toggleYear(yearChip.value)
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
                id: districtChip
                // The model's roles, by name: a renamed role is a load error, not an empty chip.
                required available
                required checked
                required count
                required property int index
                required property string label
                required property var value   // var: a year (int) or a district or tag (string)
                maxWidth: panel.width
                objectName: "facetDistrict_" + districtChip.index
                text: districtChip.label
                onActivated: panel.source.toggleDistrict(districtChip.value)
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
                id: tagChip
                // The model's roles, by name: a renamed role is a load error, not an empty chip.
                required available
                required checked
                required count
                required icon
                required property string key
                required property string label
                required property var value   // var: a year (int) or a district or tag (string)
                maxWidth: panel.width
                objectName: "facetTag_" + tagChip.key
                text: tagChip.label
                onActivated: panel.source.toggleTag(tagChip.value)
            }
        }
    }
}
