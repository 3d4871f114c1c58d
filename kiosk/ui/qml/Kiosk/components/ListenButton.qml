import QtQuick
import Kiosk

// «Слушать»: reads `texts` aloud with the system's voice (the singleton Speech, kiosk/ui/services/speech.py).
// A second tap stops it; so do leaving the page (the button goes out of sight or away), a change of the text
// (a neighbouring city, another card), the idle reset and attract mode. Hidden where no voice is installed or
// the config turns read-aloud off. Pass the texts in reading order; each is read in its own language's voice.
KioskButton {
    id: control

    property list<string> texts: []
    readonly property int token: Speech.newToken()
    readonly property bool speaking: Speech.speakingToken === token

    function toggle() { Speech.toggle(token, texts) }

    visible: Speech.available && texts.length > 0
    checked: speaking
    checkable: true
    icon: speaking ? "mdi6.stop-circle-outline" : "mdi6.volume-high"
    text: speaking ? qsTr("Остановить") : qsTr("Слушать")
    implicitHeight: Math.max(Theme.touch, Theme.px(64))
    onActivated: toggle()   // a tap, Enter/Space and a reader's press all arrive here (KioskButton)

    Accessible.name: speaking ? qsTr("Остановить чтение вслух") : qsTr("Слушать: прочитать текст вслух")
    Accessible.onToggleAction: press(null)

    // Another text (a neighbouring city, another card, the other language) ends the reading of this one.
    property string reading: ""
    onTextsChanged: {
        const now = texts.join("\n")
        if (now !== reading) {
            reading = now
            Speech.stop(token)
        }
    }
    onVisibleChanged: if (!visible) Speech.stop(token)
    Component.onDestruction: Speech.stop(token)

    // While it reads: the icon breathes, so the button says «speaking» without words too.
    SequentialAnimation on opacity {
        running: control.speaking
        loops: Animation.Infinite
        alwaysRunToEnd: true
        NumberAnimation { to: 0.7; duration: 700; easing.type: Easing.InOutSine }
        NumberAnimation { to: 1.0; duration: 700; easing.type: Easing.InOutSine }
    }
}
