import QtQuick
import Kiosk

// Display-only search field: it never takes focus or a system input method. Tapping it opens the kiosk's
// own Keyboard; the text comes from there (through `catalog.query`).
Rectangle {
    id: field

    property string text: ""
    property bool active: false        // the keyboard is open for this field
    signal opened()
    signal cleared()

    objectName: "searchField"
    implicitHeight: Theme.touch + Theme.unit
    radius: Theme.radius
    color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
    border.width: active ? Math.max(2, Theme.px(3)) : Math.max(1, Theme.px(2))
    border.color: active ? Theme.gold : Theme.line
    Accessible.role: Accessible.EditableText
    Accessible.name: qsTr("Поиск")
    Accessible.description: field.text
    Accessible.ignored: !visible
    // Enter opens the kiosk's keyboard; letters typed anywhere on the screen reach the query (CitiesScreen).
    Accessible.onPressAction: if (field.visible) field.opened()
    activeFocusOnTab: true
    FocusRing {}

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        longPressThreshold: 0   // held long (slow finger, mouse-like frame): still a tap
        onTapped: field.opened()
    }

    Image {
        id: lens
        anchors { left: parent.left; leftMargin: Theme.unit * 2.5; verticalCenter: parent.verticalCenter }
        width: Theme.px(36); height: width
        sourceSize: Qt.size(width, height)
        source: Theme.icon("mdi6.magnify", Theme.paperDim)
    }

    KText {
        id: shown
        objectName: "searchText"
        anchors { left: lens.right; leftMargin: Theme.unit * 2; right: clearButton.visible ? clearButton.left : parent.right }
        anchors { rightMargin: Theme.unit * 2; verticalCenter: parent.verticalCenter }
        text: field.text !== "" ? field.text : qsTr("Город, область или слово из истории")
        color: field.text !== "" ? Theme.paper : Theme.paperDim
        font.pixelSize: Theme.bodySize
        elide: field.text !== "" ? Text.ElideLeft : Text.ElideRight
    }
    // A still caret while the keyboard is open (no blinking: nothing moves while a visitor reads).
    Rectangle {
        visible: field.active
        x: field.text === "" ? shown.x - Theme.px(8) : Math.min(shown.x + shown.contentWidth + Theme.px(3), shown.x + shown.width)
        anchors.verticalCenter: parent.verticalCenter
        width: Math.max(2, Theme.px(3)); height: Theme.bodySize * 1.2
        color: Theme.gold
    }

    Rectangle {
        id: clearButton
        objectName: "searchClear"
        visible: field.text !== ""
        anchors { right: parent.right; rightMargin: Theme.unit; verticalCenter: parent.verticalCenter }
        width: Theme.px(64); height: Theme.px(64)
        radius: Theme.radius
        color: clearTap.pressed ? Theme.groundPressed : "transparent"
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Очистить поиск")
        Accessible.ignored: !visible
        Accessible.onPressAction: if (clearButton.visible) field.cleared()
        activeFocusOnTab: true
        FocusRing {}
        Image {
            anchors.centerIn: parent
            width: Theme.px(34); height: width
            sourceSize: Qt.size(width, height)
            source: Theme.icon("mdi6.close", Theme.paper)
        }
        TapHandler {
            id: clearTap
            gesturePolicy: TapHandler.ReleaseWithinBounds
            longPressThreshold: 0   // held long (slow finger, mouse-like frame): still a tap
            onTapped: field.cleared()
        }
    }
}
