import QtQuick
import Kiosk

// The small gold capitals above an attract slide's large type.
Text {
    width: parent ? parent.width : implicitWidth
    textFormat: Text.PlainText
    color: Theme.gold
    font.family: Theme.sans
    font.pixelSize: Theme.px(34)
    font.capitalization: Font.AllUppercase
    font.letterSpacing: Theme.px(4)
    wrapMode: Text.WordWrap
}
