import QtQuick
import Kiosk

// РУС / ENG and «Aa» (larger text) for this visit: on home and in the top bar, the same control in both
// places. A switch retranslates the screen in place (the Language singleton); the idle reset undoes both.
Row {
    id: bar
    spacing: Theme.unit

    // The language names stay in their own language whatever is shown, as visitors look for them.
    KioskButton {
        objectName: "langRu"
        text: "РУС"
        checked: !Language.english
        checkable: true
        fontSize: Theme.px(28)
        Accessible.name: "Русский"
        onActivated: Language.setLanguage("ru")
    }
    KioskButton {
        objectName: "langEn"
        text: "ENG"
        checked: Language.english
        checkable: true
        fontSize: Theme.px(28)
        Accessible.name: "English"
        onActivated: Language.setLanguage("en")
    }
    Item { width: Theme.unit; height: 1 }
    KioskButton {
        objectName: "largeText"
        text: "Aa"
        checked: Language.large
        checkable: true
        fontSize: Theme.px(32)   // the control itself keeps its size, so it never jumps under the finger
        Accessible.name: qsTr("Крупный текст")
        onActivated: Language.toggleLarge()
    }
}
