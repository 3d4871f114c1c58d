import QtQuick
import Kiosk

// The kiosk's one text style. Always plain text (seed texts are shown verbatim, never as markup), in the
// palette's colours and the bundled fonts; `kind` picks family, size and colour together. A use can still
// override any of them (e.g. `font.pixelSize: Theme.px(48)` for a one-off heading).
Text {
    id: label

    enum Kind {
        Label,      // PT Sans, label size, paper: controls and short labels
        Secondary,  // PT Sans, small size, dimmed paper: counts, captions, hints
        Small,      // PT Sans, small size, paper
        Body,       // PT Serif, body size, paper: reading text
        Title       // PT Serif, title size, paper: screen headings
    }
    property int kind: KText.Label

    readonly property bool serif: kind === KText.Body || kind === KText.Title

    textFormat: Text.PlainText
    color: kind === KText.Secondary ? Theme.paperDim : Theme.paper
    font.family: serif ? Theme.serif : Theme.sans
    font.pixelSize: kind === KText.Title ? Theme.titleSize
                  : kind === KText.Body ? Theme.bodySize
                  : kind === KText.Label ? Theme.labelSize
                  : Theme.smallSize

    // Screen readers read the text itself: titles as headings, body text as paragraphs, the rest as static
    // text. Hidden or empty text is out of the tree. Inside a button, card or chip the control speaks for it.
    Accessible.role: kind === KText.Title ? Accessible.Heading
                   : kind === KText.Body ? Accessible.Paragraph
                   : Accessible.StaticText
    Accessible.name: text
    Accessible.ignored: !visible || text === ""
}
