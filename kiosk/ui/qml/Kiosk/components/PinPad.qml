pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The staff PIN pad, opened by the hidden corner gesture. Digits show as dots; a wrong PIN gets a calm
// message; after three, the pad rests (the admin service counts down the lock).
Item {
    id: pad

    signal accepted()
    property string entered: ""
    readonly property int maxDigits: Admin.maxPinLength
    readonly property bool locked: Admin.lockedSeconds > 0

    visible: false
    function open() { entered = ""; Admin.resetMessage(); visible = true }
    function close() { entered = ""; visible = false }
    function backspace() { if (!locked) entered = entered.slice(0, -1) }   // ⌫: the last digit only
    function press(d) { if (!locked && entered.length < maxDigits) entered += d }
    function submit() {
        if (locked || entered.length === 0) return
        const pin = entered
        entered = ""
        if (Admin.tryPin(pin)) pad.accepted()
    }

    // The keyboard: the focus starts on «1»; digits typed go in (and the focus to «Войти»), Backspace erases,
    // Enter presses the focused key, Escape cancels, and
    // nothing reaches the screen it covers (Main disables that while the pad is open).
    onVisibleChanged: if (visible) pinKeys.itemAt(0).forceActiveFocus()
    Keys.onPressed: (event) => {
        if (event.text.length === 1 && event.text >= "0" && event.text <= "9") {
            pad.press(event.text)
            pinKeys.itemAt(11).forceActiveFocus()   // «Войти»: Enter after typed digits submits them
        }
        else if (event.key === Qt.Key_Backspace) pad.backspace()
        else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) pad.submit()
        else if (event.key === Qt.Key_Escape) pad.close()
        event.accepted = true
    }

    Rectangle { anchors.fill: parent; color: Theme.ground; opacity: 0.96 }
    MouseArea { anchors.fill: parent }   // modal

    Rectangle {
        id: card
        anchors.centerIn: parent
        width: grid.width + Theme.unit * 12
        height: content.implicitHeight + Theme.unit * 12
        radius: Theme.radius * 2
        color: Theme.groundRaised
        border.color: Theme.line
        border.width: Math.max(1, Theme.px(2))

        Column {
            id: content
            anchors.centerIn: parent
            spacing: Theme.unit * 3

            KText {
                kind: KText.Title
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("Служебный вход")
            }
            // Entered digits as dots; never the digits themselves.
            Item {
                width: grid.width; height: Theme.px(40)
                Row {
                    anchors.centerIn: parent
                    spacing: Theme.unit * 2
                    Repeater {
                        model: Math.max(4, pad.entered.length)
                        Rectangle {
                            required property int index
                            width: Theme.px(22); height: width; radius: width / 2
                            color: index < pad.entered.length ? Theme.gold : "transparent"
                            border.color: Theme.paperDim
                            border.width: Math.max(1, Theme.px(2))
                        }
                    }
                }
            }
            KText {
                objectName: "pinMessage"
                kind: KText.Secondary
                width: grid.width
                height: Theme.px(72)
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.WordWrap
                text: pad.locked ? qsTr("Попробуйте снова через %1 с").arg(Admin.lockedSeconds)
                                 : (Admin.message !== "" ? Admin.message : qsTr("Введите код"))
            }
            Grid {
                id: grid
                columns: 3
                spacing: Theme.unit * 2
                Repeater {
                    id: pinKeys
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
                    KioskButton {
                        id: key
                        required property string modelData
                        objectName: key.modelData === "clear" ? "pinClear" : key.modelData === "ok" ? "pinOk" : "pinKey" + key.modelData
                        implicitWidth: Theme.px(150); implicitHeight: Theme.touchLarge
                        enabled: !pad.locked
                        primary: key.modelData === "ok"
                        fontSize: key.modelData.length === 1 ? Theme.px(40) : Theme.labelSize
                        icon: key.modelData === "clear" ? "mdi6.backspace-outline" : key.modelData === "ok" ? "mdi6.check" : ""
                        text: key.modelData.length === 1 ? key.modelData : ""
                        Accessible.name: key.modelData === "clear" ? qsTr("Стереть") : key.modelData === "ok" ? qsTr("Войти") : key.modelData
                        onActivated: {
                            if (key.modelData === "clear") pad.backspace()
                            else if (key.modelData === "ok") pad.submit()
                            else pad.press(key.modelData)
                        }
                    }
                }
            }
            KioskButton {
                objectName: "pinCancel"
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("Отмена")
                onActivated: pad.close()
            }
        }
    }
}
