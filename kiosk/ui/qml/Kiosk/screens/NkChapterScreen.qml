pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// One chapter: its images under the heading (as a city page shows its photographs), its passages in the same
// comfortable measure as a city's story; under each passage the people, figures, events, awards and units it
// names, as tappable references, and its «Источник».
Item {
    id: screen
    objectName: "nkChapterScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own
    required property string chapterId
    readonly property NkChapterPageRecord chapter: NkChapterPageRecord {   // chips' dates follow the language
        section: Novokuznetsk; chapterId: screen.chapterId; language: Language.code
    }
    readonly property bool known: chapter.known
    readonly property NkChapterRecord next: {   // null after the last
        const all = Novokuznetsk.chapters
        for (let i = 0; i < all.length - 1; ++i)
            if (all[i].id === chapterId)
                return all[i + 1]
        return null
    }

    ListView {
        id: reading
        objectName: "nkChapterText"
        keyNavigationEnabled: false   // arrows move between its controls (ScreenStack), not an unseen current item
        anchors.top: parent.top
        anchors.topMargin: Theme.barHeight
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width - Theme.margin * 2, Theme.readingWidth + Theme.unit * 4)
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.px(2000)
        maximumFlickVelocity: Theme.px(5000)
        // Every passage made, not only those near the view: a screen reader reads the whole text (issue 22), and the
        // longest texts are a few thousand characters.
        cacheBuffer: 100000
        bottomMargin: Theme.unit * 6
        model: screen.known ? screen.chapter.paragraphs : []

        header: Column {
            width: reading.width
            topPadding: Theme.unit * 4
            bottomPadding: Theme.unit * 5
            spacing: Theme.unit * 3
            NkHeader {
                readonly property bool en: Language.english && screen.known && screen.chapter.titleEn !== ""
                width: parent.width
                // English mode: the exhibition's English title and summary; the Russian title becomes the lead
                title: !screen.known ? qsTr("Глава не найдена") : en ? screen.chapter.titleEn : screen.chapter.title
                lead: !screen.known ? "" : en ? screen.chapter.title : screen.chapter.lead
                summary: Language.english && screen.known ? screen.chapter.summaryEn : ""
            }
            ListenButton {   // «Слушать»: the chapter read aloud
                objectName: "nkChapterListen"
                texts: screen.known ? [screen.chapter.title, screen.chapter.lead]
                                      .concat(screen.chapter.paragraphs.map(p => p.text)) : []
            }
            Rectangle { width: Theme.px(120); height: Math.max(2, Theme.px(3)); color: Theme.red }
            ImageGallery {  // the chapter's images (kiosk-db add-image --owner nk_chapter:ID); a tap opens the viewer
                objectName: "nkChapterGallery"
                width: parent.width
                images: screen.known ? screen.chapter.images : []
                onOpened: (index) => viewer.open(index)
            }
        }

        delegate: Column {
            id: passage
            required property NkParagraphRecord modelData
            required property int index
            objectName: "nkParagraph_" + index
            width: reading.width
            spacing: Theme.unit * 2
            bottomPadding: Theme.unit * 5

            KText {
                kind: KText.Body
                width: parent.width
                text: passage.modelData.text
                lineHeight: Theme.lineHeight
                wrapMode: Text.Wrap
            }
            Flow {
                width: parent.width
                spacing: Theme.unit * 2
                Repeater {
                    model: passage.modelData.refs
                    NkRefChip {
                        required property NkRefRecord modelData
                        // ?.: a reloaded database replaces the records a moment before the chips go
                        objectName: modelData ? "nkRef_" + modelData.ref.replace(":", "_") : ""
                        text: modelData?.label ?? ""
                        kind: modelData?.kind ?? ""
                        maxWidth: passage.width
                        onActivated: itemCard.open(modelData.ref, false)
                    }
                }
                NkRefChip {
                    objectName: "nkParagraphSource_" + passage.index
                    text: qsTr("Источник")
                    kind: "source"
                    onActivated: itemCard.open(passage.modelData.ref, true)
                }
            }
        }

        footer: Item {
            width: reading.width
            height: nextEntry.height + Theme.unit * 8
            // Onward to the next chapter (in place of this one: «Назад» returns to the section), or, after the
            // last, back to the section's contents.
            NkEntry {
                id: nextEntry
                objectName: screen.next !== null ? "nkNextChapter" : "nkBackToSection"
                y: Theme.unit * 2
                width: parent.width
                title: screen.next !== null ? qsTr("Дальше: %1").arg(screen.next.title) : qsTr("К оглавлению раздела")
                caption: screen.next !== null ? screen.next.lead : qsTr("Все главы, хроника, цифры, люди и награды")
                onActivated: screen.next !== null ? screen.nav.onward("chapter", { chapterId: screen.next.id })
                                                  : screen.nav.back()
            }
        }
    }

    Rectangle {   // where the reader is in the chapter
        visible: reading.contentHeight > reading.height * 1.05
        anchors.left: reading.right
        anchors.leftMargin: Theme.unit
        y: reading.y + reading.visibleArea.yPosition * reading.height
        width: Theme.px(6)
        height: Math.max(Theme.px(48), reading.visibleArea.heightRatio * reading.height)
        radius: width / 2
        color: Theme.line
    }

    NkItemCard { id: itemCard; anchors.fill: parent }

    ImageViewer {  // the chapter's images full screen, below the shell's bar
        id: viewer
        objectName: "nkChapterViewer"
        anchors.fill: parent
        anchors.topMargin: Theme.barHeight
        images: screen.known ? screen.chapter.images : []
    }
}
