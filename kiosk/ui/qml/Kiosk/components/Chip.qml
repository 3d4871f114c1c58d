import QtQuick
import Kiosk

// A facet chip: a label, an optional icon or colour swatch, and a live count in its own pill (so «2021 24»
// never reads as a range). Ticked chips are filled and carry a check mark in the same slot the icon, swatch or
// empty ring holds, in the same weight, so ticking never widens a chip or pushes its neighbours. A long label
// wraps onto a second line inside `maxWidth`; the count always stays in view. A chip that would show nothing
// is dimmed but stays in place.
Rectangle {
    id: chip

    property string text: ""
    property int count: -1            // < 0: no count shown
    property bool checked: false
    property bool available: true
    property string icon: ""           // qtawesome name
    property color swatch: "transparent"
    property real maxWidth: 100000     // the column or drawer the chip lives in
    signal activated()

    readonly property color foreground: checked ? Theme.ground : Theme.paper
    readonly property bool hasSwatch: swatch.a > 0
    readonly property int slot: Math.round(Theme.labelSize * 1.1)
    readonly property int padding: Theme.unit * 2
    readonly property real labelRoom: maxWidth - padding * 2 - slot - content.spacing
                                      - (badge.visible ? badge.width + content.spacing : 0)

    implicitHeight: Math.max(Theme.touch, content.implicitHeight + Theme.unit * 2)
    implicitWidth: content.implicitWidth + padding * 2
    radius: Theme.radius
    color: tap.pressed ? (checked ? Qt.darker(Theme.paper, 1.2) : Theme.groundPressed)
                       : (checked ? Theme.paper : Theme.groundRaised)
    border.width: checked ? 0 : Math.max(1, Theme.px(2))
    border.color: Theme.line
    opacity: available || checked ? 1.0 : Theme.dimmed
    enabled: available || checked
    Accessible.role: Accessible.CheckBox
    Accessible.name: count >= 0 ? qsTr("%1, городов: %2").arg(text).arg(count) : text
    Accessible.checkable: true
    Accessible.checked: checked
    Accessible.ignored: !visible
    Accessible.onPressAction: if (chip.visible && chip.enabled) chip.activated()
    activeFocusOnTab: true
    FocusRing { radius: chip.radius }

    Behavior on color { ColorAnimation { duration: Theme.fast } }

    Row {
        id: content
        anchors.centerIn: parent
        spacing: Theme.unit * 1.5

        // One slot, one width: the check mark when ticked, otherwise the icon, the year's swatch or a ring.
        Item {
            anchors.verticalCenter: parent.verticalCenter
            width: chip.slot
            height: chip.slot
            Image {
                anchors.fill: parent
                visible: chip.checked
                sourceSize: Qt.size(width, height)
                source: chip.checked ? Theme.icon("mdi6.check", chip.foreground) : ""
            }
            Image {
                anchors.fill: parent
                visible: !chip.checked && chip.icon !== ""
                sourceSize: Qt.size(width, height)
                source: chip.icon === "" ? "" : Theme.icon(chip.icon, chip.foreground)
            }
            Rectangle {
                anchors.centerIn: parent
                visible: !chip.checked && chip.icon === ""
                width: Math.round(chip.slot * 0.62); height: width; radius: width / 2
                color: chip.hasSwatch ? chip.swatch : "transparent"
                border.width: chip.hasSwatch ? 0 : Math.max(1, Theme.px(2))
                border.color: Theme.paperDim
            }
        }
        KText {
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(implicitWidth, Math.max(Theme.px(120), chip.labelRoom))
            text: chip.text
            color: chip.foreground
            wrapMode: Text.Wrap   // as many lines as it takes («Aa» in a narrow column): the chip grows
            lineHeight: 0.95
        }
        // The count as a count: a small pill of its own, never part of the label.
        Rectangle {
            id: badge
            objectName: "chipCountBadge"
            visible: chip.count >= 0
            anchors.verticalCenter: parent.verticalCenter
            height: Math.round(countText.implicitHeight * 1.1)
            // Room for two digits always, so changing counts never reflow the chips.
            width: Math.max(height, Math.max(countText.implicitWidth, twoDigits.width) + Theme.unit * 2)
            radius: height / 2
            color: chip.checked ? Theme.ground : Theme.groundPressed
            KText {
                id: countText
                objectName: "chipCount"
                kind: KText.Small
                anchors.centerIn: parent
                text: chip.count
            }
            TextMetrics { id: twoDigits; font: countText.font; text: "00" }
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        longPressThreshold: 0   // a press held long (a slow finger, a touch frame that reports a mouse) still ticks
        onTapped: chip.activated()
    }
}
