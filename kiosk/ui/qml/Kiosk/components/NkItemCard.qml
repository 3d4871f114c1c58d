pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// A card over a section screen: one item (person, figure, event, award, unit or a chapter's paragraph) with
// its images (as a city page shows them; a tap opens them full screen), its text, and «Источник» — the seed
// documents and the exact passages it rests on — one tap away. Tapping outside the card or «Закрыть» closes it.
Item {
    id: card
    objectName: "nkItemCard"

    property string ref: ""
    property bool showSources: false
    readonly property NkItemRecord item: NkItemRecord { section: Novokuznetsk; ref: card.ref; language: Language.code }
    readonly property var sources: ref === "" ? [] : Novokuznetsk.sources(ref)   // var: maps {file, title, quote}
    readonly property bool onlySources: item.kind === "paragraph"
    readonly property list<ImageRecord> images: item.images
    // The keyboard: the focus starts on «Закрыть»; Escape or Backspace close the card (not the page below).
    property Item opener: null
    Keys.onPressed: (event) => {
        if (card.visible && (event.key === Qt.Key_Escape || event.key === Qt.Key_Backspace)) {
            card.close()
            event.accepted = true
        }
    }

    function open(itemRef, withSources) {
        ref = itemRef
        Statistics.record("card", itemRef)   // counted by its ref (kiosk/ui/services/statistics.py)
        showSources = withSources === true || item.kind === "paragraph"
        body.contentY = 0
        opener = card.Window.activeFocusItem
        visible = true
        appear.restart()
        closeButton.forceActiveFocus()
    }
    function backClose(): bool {   // the shell's «Назад»: close the card (its viewer closes itself first)
        if (!visible)
            return false
        close()
        return true
    }
    function close() {
        viewer.close()
        visible = false
        if (opener !== null && opener.visible) opener.forceActiveFocus()   // the keyboard back on the chip pressed
        opener = null
        ref = ""
        showSources = false
    }

    visible: false
    z: 50
    FocusTrap { scope: card; active: card.visible && !viewer.shown }   // Tab never reaches the page under the card

    Rectangle {   // the scrim: dims the screen and takes every touch
        anchors.fill: parent
        color: Qt.rgba(0.06, 0.065, 0.07, 0.86)
        MouseArea { anchors.fill: parent; onClicked: card.close() }
    }

    Rectangle {
        id: panel
        objectName: "nkItemPanel"
        anchors.horizontalCenter: parent.horizontalCenter
        y: Theme.barHeight + Theme.unit * 2
        width: Math.min(parent.width - Theme.margin * 2, Theme.readingWidth + Theme.unit * 12)
        height: Math.min(parent.height - y - Theme.margin, content.implicitHeight + buttons.height + Theme.unit * 10)
        radius: Theme.radius * 2
        color: Theme.groundRaised
        border.color: Theme.line
        border.width: Math.max(1, Theme.px(2))

        NumberAnimation { id: appear; target: panel; property: "opacity"; from: 0; to: 1; duration: Theme.normal; easing.type: Easing.OutCubic }
        MouseArea { anchors.fill: parent }   // touches on the card stay on the card

        Rectangle {
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.px(2) }
            width: Theme.px(10)
            color: Theme.red
        }

        Flickable {
            id: body
            objectName: "nkItemBody"
            anchors { left: parent.left; right: parent.right; top: parent.top; bottom: buttons.top }
            anchors.leftMargin: Theme.unit * 6
            anchors.rightMargin: Theme.unit * 4
            anchors.topMargin: Theme.unit * 4
            anchors.bottomMargin: Theme.unit * 2
            clip: true
            contentHeight: content.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick

            Column {
                id: content
                width: body.width - Theme.unit * 2
                spacing: Theme.unit * 2

                KText {
                    width: parent.width
                    text: card.item.kindLabel
                    color: Theme.gold
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: Theme.px(2)
                }
                KText {
                    objectName: "nkItemTitle"
                    kind: KText.Title
                    width: parent.width
                    visible: text !== ""
                    text: card.item.title
                    font.bold: true
                    font.pixelSize: Theme.px(52)
                    lineHeight: 1.1
                    wrapMode: Text.Wrap
                }
                KText {   // English mode: the heading curators wrote in English (nk_*.label_en), under the Russian
                    objectName: "nkItemTitleEn"
                    kind: KText.Title
                    width: parent.width
                    visible: Language.english && text !== ""
                    text: card.item.labelEn
                    color: Theme.gold
                    wrapMode: Text.Wrap
                }
                KText {
                    objectName: "nkItemSubtitle"
                    kind: KText.Secondary
                    width: parent.width
                    visible: text !== ""
                    text: card.item.subtitle
                    font.pixelSize: Theme.labelSize + Theme.px(2)
                    lineHeight: 1.3
                    wrapMode: Text.Wrap
                }
                KText {
                    width: parent.width
                    visible: text !== ""
                    text: card.item.meta
                    color: Theme.gold
                    wrapMode: Text.Wrap
                }
                Rectangle { visible: !card.onlySources; width: Theme.px(120); height: Math.max(2, Theme.px(3)); color: Theme.red }
                ImageGallery {  // the item's images (kiosk-db add-image --owner nk_person:ID …)
                    objectName: "nkItemGallery"
                    width: parent.width
                    images: card.images
                    onOpened: (index) => viewer.open(index)
                }
                RussianTextNote {
                    width: parent.width
                    visible: Language.english && !card.onlySources
                }
                KText {
                    objectName: "nkItemText"
                    kind: KText.Body
                    width: parent.width
                    visible: !card.onlySources && text !== ""
                    text: card.item.text
                    lineHeight: Theme.lineHeight
                    wrapMode: Text.Wrap
                }

                // «Источник»: each document and its exact passage.
                Column {
                    objectName: "nkItemSources"
                    width: parent.width
                    visible: card.showSources
                    spacing: Theme.unit * 2
                    topPadding: Theme.unit * 2
                    KText {
                        width: parent.width
                        text: qsTr("Источник")
                        color: Theme.gold
                        font.capitalization: Font.AllUppercase
                        font.letterSpacing: Theme.px(2)
                    }
                    Repeater {
                        model: card.showSources ? card.sources : []
                        Column {
                            id: source
                            required property var modelData   // var: one of `sources`
                            width: parent.width
                            spacing: Theme.unit
                            KText {
                                width: parent.width
                                text: source.modelData.title
                                font.bold: true
                                wrapMode: Text.Wrap
                            }
                            Rectangle {
                                width: parent.width
                                height: passage.implicitHeight + Theme.unit * 4
                                color: Theme.ground
                                radius: Theme.radius
                                Rectangle { width: Theme.px(4); height: parent.height; color: Theme.gold }
                                KText {
                                    id: passage
                                    objectName: "nkSourcePassage"
                                    kind: KText.Title
                                    x: Theme.unit * 3
                                    y: Theme.unit * 2
                                    width: parent.width - Theme.unit * 5
                                    text: "«" + source.modelData.quote + "»"
                                    font.italic: true
                                    font.pixelSize: Theme.bodySize - Theme.px(2)
                                    lineHeight: 1.4
                                    wrapMode: Text.Wrap
                                }
                            }
                        }
                    }
                }
            }
        }

        Row {
            id: buttons
            anchors { right: parent.right; bottom: parent.bottom; margins: Theme.unit * 3 }
            spacing: Theme.unit * 2
            ListenButton {   // «Слушать»: the card read aloud (a paragraph's card: its source passages)
                objectName: "nkItemListen"
                texts: card.ref === "" ? []
                     : card.onlySources ? card.sources.map(s => s.quote)
                     : [card.item.title, Language.english ? card.item.labelEn : "", card.item.subtitle,
                        card.item.meta, card.item.text].filter(t => t !== "")
            }
            KioskButton {
                objectName: "nkItemSourceButton"
                visible: !card.onlySources
                icon: "mdi6.book-open-variant"
                text: card.showSources ? qsTr("Скрыть источник") : qsTr("Источник")
                onActivated: card.showSources = !card.showSources
            }
            KioskButton {
                id: closeButton
                objectName: "nkItemClose"
                icon: "mdi6.close"
                text: qsTr("Закрыть")
                primary: true
                onActivated: card.close()
            }
        }
    }

    ImageViewer {  // the item's images full screen, over the card, below the shell's bar
        id: viewer
        objectName: "nkItemViewer"
        anchors.fill: parent
        anchors.topMargin: Theme.barHeight
        images: card.images
    }
}

