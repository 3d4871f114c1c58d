pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The kiosk's own on-screen keyboard (not a system input method): ЙЦУКЕН, a Latin toggle, a digits layer
// («Т-34», «1943», «№ 11»), backspace, clear and hide. Keys are at least 64 px at 1080p with 16 px gaps and
// keep the screen's margin from the bezel; a key answers on press within a frame. Every layer has the same
// height, so switching never moves the results above.
// It edits `text` only through signals, so the owner decides where the text lives (here: catalog.query).
Rectangle {
    id: kb

    property string text: ""
    property bool latin: false
    property bool digits: false
    required property int maxLength
    signal edited(string text)
    signal hideRequested()

    objectName: "keyboard"
    color: Theme.groundRaised
    implicitHeight: keyHeight * 4 + gap * 3 + Theme.unit * 6

    // An English-speaking visitor starts on the Latin letters («Kazan» finds Казань); the toggle still works.
    Component.onCompleted: latin = Language.english
    Connections {
        target: Language
        function onLanguageChanged() { kb.latin = Language.english }
    }

    // var: rows of keys, a list of lists (QML has no list<list<string>>)
    readonly property var cyrillic: [
        ["Й", "Ц", "У", "К", "Е", "Н", "Г", "Ш", "Щ", "З", "Х", "Ъ"],
        ["Ф", "Ы", "В", "А", "П", "Р", "О", "Л", "Д", "Ж", "Э"],
        ["Я", "Ч", "С", "М", "И", "Т", "Ь", "Б", "Ю", "Ё"]
    ]
    readonly property var roman: [
        ["Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"],
        ["A", "S", "D", "F", "G", "H", "J", "K", "L"],
        ["Z", "X", "C", "V", "B", "N", "M"]
    ]
    readonly property var numeric: [
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"],
        ["№", ".", ",", ":", "(", ")", "/"]
    ]
    readonly property var rows: digits ? numeric : (latin ? roman : cyrillic)   // var: one of the three above
    onRowsChanged: if (tabKey.length === 5) tabKey = ""   // a letter of the other layer: start on the first again

    readonly property int gap: Theme.unit * 2
    readonly property int keyHeight: Theme.px(80)
    // Twelve keys across the widest row inside the screen's margins; never narrower than 64 px at 1080p,
    // never wider than 112 px.
    readonly property int keyWidth: Math.max(Theme.px(64), Math.min(Theme.px(112),
                                        Math.floor((width - Theme.margin * 2 - 11 * gap) / 12)))

    // The query reads as typed («Т-34», «Казань»): its first letter a capital, as a phone's keyboard starts, the
    // rest small; the keys show the case they type. Matching folds case on its own (kiosk/data/search/textnorm.py).
    readonly property bool capital: text.trim() === ""
    function type(ch) {
        if (text.length >= maxLength) return
        edited(text + ch)
    }
    // The physical keyboard walks the keys: one Tab stop (the key last on, else the first letter), arrows move
    // to the nearest key that way, Enter or Space presses it (Main's stack asks its Accessible press action).
    property string tabKey: ""
    function move(from: Item, dx: int, dy: int) {
        const c = from.mapToItem(keys, from.width / 2, from.height / 2)
        let best = null, bestCost = Infinity
        const todo = [keys]
        while (todo.length > 0) {
            const item = todo.pop()
            for (let i = 0; i < item.children.length; ++i)
                todo.push(item.children[i])
            if (item === from || !item.visible || !item.objectName.startsWith("key_"))
                continue
            const p = item.mapToItem(keys, item.width / 2, item.height / 2)
            const ex = p.x - c.x, ey = p.y - c.y
            const sameRow = Math.abs(ey) < kb.keyHeight / 2
            if ((dx !== 0 && (!sameRow || Math.sign(ex) !== dx)) || (dy !== 0 && (sameRow || Math.sign(ey) !== dy)))
                continue
            const cost = dx !== 0 ? Math.abs(ex) : Math.abs(ey) * 100 + Math.abs(ex)
            if (cost < bestCost) { best = item; bestCost = cost }
        }
        if (best !== null)
            best.forceActiveFocus()
    }
    function backspace() { if (text.length > 0) edited(text.slice(0, -1)) }
    function clear() { if (text.length > 0) edited("") }

    Rectangle {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Math.max(1, Theme.px(2))
        color: Theme.line
    }
    // Touches between keys stay on the keyboard; they never reach the grid underneath.
    TapHandler { gesturePolicy: TapHandler.WithinBounds }

    component KeyboardKey: Rectangle {
        id: key
        property string label: ""
        property string icon: ""
        property bool accent: false
        signal pressedKey()
        width: kb.keyWidth
        height: kb.keyHeight
        radius: Theme.radius
        color: tap.pressed ? Theme.paper : (accent ? Theme.line : Theme.groundPressed)
        Accessible.role: Accessible.Button
        Accessible.name: label
        Accessible.ignored: !visible
        Accessible.onPressAction: if (key.visible) key.pressedKey()
        activeFocusOnTab: activeFocus || objectName === (kb.tabKey !== "" ? kb.tabKey : "key_" + kb.rows[0][0])
        onActiveFocusChanged: if (activeFocus) kb.tabKey = objectName
        onObjectNameChanged: if (activeFocus) kb.tabKey = objectName
        Keys.onLeftPressed: kb.move(key, -1, 0)
        Keys.onRightPressed: kb.move(key, 1, 0)
        Keys.onUpPressed: kb.move(key, 0, -1)
        Keys.onDownPressed: kb.move(key, 0, 1)
        FocusRing {}
        Row {
            anchors.centerIn: parent
            spacing: Theme.unit
            Image {
                visible: key.icon !== ""
                anchors.verticalCenter: parent.verticalCenter
                width: Theme.px(36); height: width
                sourceSize: Qt.size(width, height)
                source: key.icon === "" ? "" : Theme.icon(key.icon, tap.pressed ? Theme.ground : Theme.paper)
            }
            KText {
                visible: key.label !== ""
                anchors.verticalCenter: parent.verticalCenter
                text: key.label
                color: tap.pressed ? Theme.ground : Theme.paper
                font.pixelSize: key.label.length > 1 ? Theme.labelSize : Theme.px(34)
            }
        }
        TapHandler {
            id: tap
            gesturePolicy: TapHandler.ReleaseWithinBounds
            longPressThreshold: 0   // held long (slow finger, mouse-like frame): still a tap
            onTapped: key.pressedKey()
        }
    }

    Column {
        id: keys
        anchors.centerIn: parent
        spacing: kb.gap

        Repeater {
            model: kb.rows.length
            Row {
                id: keyRow
                required property int index
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: kb.gap
                Repeater {
                    model: kb.rows[keyRow.index]
                    KeyboardKey {
                        required property string modelData
                        objectName: "key_" + modelData
                        label: kb.capital ? modelData : modelData.toLowerCase()
                        onPressedKey: kb.type(label)
                    }
                }
                KeyboardKey {
                    visible: keyRow.index === kb.rows.length - 1
                    objectName: "key_backspace"
                    width: kb.keyWidth * 2 + kb.gap
                    icon: "mdi6.backspace-outline"
                    accent: true
                    Accessible.name: qsTr("Стереть")
                    onPressedKey: kb.backspace()
                }
            }
        }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: kb.gap
            KeyboardKey {
                objectName: "key_latin"
                width: kb.keyWidth * 2 + kb.gap
                label: kb.latin ? qsTr("АБВ") : "ABC"
                accent: true
                onPressedKey: { kb.latin = !kb.latin; kb.digits = false }
            }
            KeyboardKey {
                objectName: kb.digits ? "key_letters" : "key_digits"
                width: kb.keyWidth * 2 + kb.gap
                label: kb.digits ? (kb.latin ? "ABC" : qsTr("АБВ")) : "123"
                accent: true
                Accessible.name: kb.digits ? qsTr("Буквы") : qsTr("Цифры")
                onPressedKey: kb.digits = !kb.digits
            }
            KeyboardKey {
                objectName: "key_hyphen"
                label: "-"
                onPressedKey: kb.type("-")
            }
            KeyboardKey {
                objectName: "key_space"
                width: kb.keyWidth * 3 + kb.gap * 2
                label: qsTr("Пробел")
                onPressedKey: kb.type(" ")
            }
            KeyboardKey {
                objectName: "key_clear"
                width: kb.keyWidth * 2 + kb.gap
                label: qsTr("Очистить")
                accent: true
                onPressedKey: kb.clear()
            }
            KeyboardKey {
                objectName: "key_hide"
                width: kb.keyWidth * 2 + kb.gap
                icon: "mdi6.keyboard-close-outline"
                label: qsTr("Скрыть")
                accent: true
                onPressedKey: kb.hideRequested()
            }
        }
    }
}
