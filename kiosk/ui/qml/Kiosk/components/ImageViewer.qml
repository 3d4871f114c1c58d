pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Photographs full screen: the picture as large as it fits, its caption and credit beneath, swipe (touch or
// mouse drag) or the arrows to the neighbours, «Закрыть» to return to the page. Lies over the whole screen
// below the shell's bar, so «На главную» stays where it always is.
Rectangle {
    id: viewer

    property list<ImageRecord> images: []
    readonly property int count: images.length
    readonly property alias index: strip.currentIndex

    function open(at) {
        opener = viewer.Window.activeFocusItem
        shown = true  // first: the strip's model follows `shown`
        closeButton.forceActiveFocus()
        strip.currentIndex = at
        strip.positionViewAtIndex(at, ListView.Beginning)
    }
    function close() {
        shown = false
        if (opener !== null && opener.visible) opener.forceActiveFocus()   // the keyboard back on the picture opened
        opener = null
    }
    // The keyboard: the focus starts on «Закрыть»; ← → step, Escape or Backspace close (not the page below).
    property Item opener: null
    Keys.onPressed: (event) => {
        if (!viewer.shown) return
        if (event.key === Qt.Key_Left) viewer.step(-1)
        else if (event.key === Qt.Key_Right) viewer.step(1)
        else if (event.key === Qt.Key_Escape || event.key === Qt.Key_Backspace) viewer.close()
        else return
        event.accepted = true
    }
    function backClose(): bool {   // the shell's «Назад»: close this first
        if (!shown)
            return false
        close()
        return true
    }
    function step(delta) {
        const to = Math.max(0, Math.min(count - 1, strip.currentIndex + delta))
        strip.currentIndex = to
    }

    property bool shown: false
    objectName: "imageViewer"
    FocusTrap { scope: viewer; active: viewer.shown && viewer.visible }   // Tab never reaches the page under it
    color: Theme.ground
    visible: shown || opacity > 0   // at once on open: the focus goes to «Закрыть» before the fade ends
    opacity: shown ? 1 : 0
    Behavior on opacity { NumberAnimation { duration: Theme.fast; easing.type: Easing.OutCubic } }

    // Touches that miss the controls stop here: nothing under the viewer reacts.
    MouseArea { anchors.fill: parent; enabled: viewer.shown; onWheel: (wheel) => wheel.accepted = true }

    ListView {
        id: strip
        objectName: "viewerStrip"
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: controls.top }
        anchors.topMargin: Theme.unit * 3
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        highlightMoveDuration: Theme.normal
        boundsBehavior: Flickable.StopAtBounds
        interactive: viewer.count > 1
        clip: true
        cacheBuffer: 0  // neighbours load when they come into view: at most two full-size pictures decoded
        model: viewer.shown ? viewer.images : []

        delegate: Item {
            id: slide
            required property ImageRecord modelData
            required property int index
            width: strip.width
            height: strip.height

            Image {
                id: picture
                objectName: "viewerImage_" + slide.index
                anchors { left: parent.left; right: parent.right; top: parent.top; bottom: caption.top }
                anchors.margins: Theme.margin
                anchors.bottomMargin: Theme.unit * 3
                source: slide.modelData.source
                fillMode: Image.PreserveAspectFit
                sourceSize: Qt.size(slide.width, slide.height)  // the slide, not the image: no binding loop
                opacity: status === Image.Ready ? 1 : 0
                Behavior on opacity { NumberAnimation { duration: Theme.normal } }
            }
            Column {
                id: caption
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                anchors.leftMargin: Theme.margin
                anchors.rightMargin: Theme.margin
                spacing: Theme.unit
                KText {
                    objectName: "viewerCaption_" + slide.index
                    kind: KText.Body
                    width: parent.width
                    visible: text !== ""
                    text: slide.modelData.caption
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap   // whole, however long: the picture above gives way
                }
                KText {
                    objectName: "viewerCredit_" + slide.index
                    kind: KText.Secondary
                    width: parent.width
                    visible: text !== ""
                    text: slide.modelData.credit
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap   // the licence at its end is part of the credit
                }
            }
        }
    }

    Item {
        id: controls
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        anchors.margins: Theme.margin
        anchors.bottomMargin: Theme.unit * 4
        height: Theme.touch

        KioskButton {
            objectName: "viewerPrevious"
            anchors.left: parent.left
            visible: viewer.count > 1
            enabled: viewer.index > 0
            icon: "mdi6.chevron-left"
            text: qsTr("Предыдущее")
            onActivated: viewer.step(-1)
        }
        KText {
            objectName: "viewerPosition"
            kind: KText.Secondary
            anchors.centerIn: parent
            visible: viewer.count > 1
            text: qsTr("%1 из %2").arg(viewer.index + 1).arg(viewer.count)
        }
        Row {
            anchors.right: parent.right
            spacing: Theme.unit * 2
            KioskButton {
                objectName: "viewerNext"
                visible: viewer.count > 1
                enabled: viewer.index < viewer.count - 1
                icon: "mdi6.chevron-right"
                text: qsTr("Следующее")
                onActivated: viewer.step(1)
            }
            KioskButton {
                id: closeButton
                objectName: "viewerClose"
                primary: true
                icon: "mdi6.close"
                text: qsTr("Закрыть")
                onActivated: viewer.close()
            }
        }
    }
}
