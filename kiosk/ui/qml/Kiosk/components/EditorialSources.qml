import QtQuick
import Kiosk

// The public sources of an editorial text, by name (the kiosk opens no links), after the text they back.
KText {
    property list<string> sources: []
    kind: KText.Secondary
    text: qsTr("Источники: %1.").arg(sources.join("; "))
    wrapMode: Text.Wrap
}
