import QtQuick
import Kiosk

// The heading of a Novokuznetsk screen: the section's name as a kicker, the screen's title, a lead line
// (and, in English mode, the note that what follows is in Russian).
Column {
    id: header

    property string title: ""
    property string lead: ""
    property string kicker: qsTr("Раздел «Новокузнецк»")
    property string summary: ""   // English mode: the exhibition's English summary, before the Russian texts

    spacing: Theme.unit * 1.5

    KText {
        width: parent.width
        text: header.kicker
        color: Theme.gold
        font.capitalization: Font.AllUppercase
        font.letterSpacing: Theme.px(3)
        elide: Text.ElideRight
    }
    KText {
        objectName: "nkScreenTitle"
        kind: KText.Title
        width: parent.width
        text: header.title
        font.bold: true
        font.pixelSize: Theme.titleSize + Theme.px(8)
        lineHeight: 1.05
        wrapMode: Text.Wrap
        maximumLineCount: 3
        elide: Text.ElideRight
    }
    KText {
        kind: KText.Secondary
        width: parent.width
        visible: text !== ""
        text: header.lead
        font.pixelSize: Theme.labelSize + Theme.px(2)
        lineHeight: 1.3
        wrapMode: Text.Wrap
    }
    KText {
        objectName: "nkSummaryNote"
        kind: KText.Small
        width: parent.width
        visible: header.summary !== ""
        text: qsTr("Краткое изложение выставки")
        color: Theme.gold
        font.capitalization: Font.AllUppercase
        font.letterSpacing: Theme.px(2)
        wrapMode: Text.Wrap
    }
    KText {
        objectName: "nkSummaryEn"
        kind: KText.Body
        width: parent.width
        visible: text !== ""
        text: header.summary
        lineHeight: Theme.lineHeight
        wrapMode: Text.Wrap
    }
    RussianTextNote {   // English mode: the section's texts are quoted documents, in Russian
        objectName: "nkRussianNote"
        width: parent.width
        visible: Language.english
    }
}
