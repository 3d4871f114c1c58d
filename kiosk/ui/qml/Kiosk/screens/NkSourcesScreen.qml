pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The sources, for visitors: each document the section quotes, in plain words (what it is, what was taken from
// it), the errors corrected in it, and where the documents disagree, which reading is shown. File names, the
// editors' notes and the machine translation that is never shown are for editors (`kiosk-db report`).
Item {
    id: screen
    objectName: "nkSourcesScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own

    component Heading: KText {
        kind: KText.Title
        width: parent ? parent.width : 0
        topPadding: Theme.unit * 4
        font.bold: true
        font.pixelSize: Theme.titleSize - Theme.px(8)
        wrapMode: Text.Wrap
    }
    component Body: KText {
        kind: KText.Body
        width: parent ? parent.width : 0
        lineHeight: Theme.lineHeight
        wrapMode: Text.Wrap
    }
    component Note: KText {
        kind: KText.Secondary
        width: parent ? parent.width : 0
        font.pixelSize: Theme.labelSize + Theme.px(2)
        lineHeight: 1.3
        wrapMode: Text.Wrap
    }

    Flickable {
        id: page
        objectName: "nkSourcesFlick"
        anchors.top: parent.top
        anchors.topMargin: Theme.barHeight
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width - Theme.margin * 2, Theme.readingWidth + Theme.unit * 4)
        contentHeight: column.implicitHeight + Theme.unit * 8
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        flickableDirection: Flickable.VerticalFlick

        Column {
            id: column
            width: page.width
            spacing: Theme.unit * 2
            topPadding: Theme.unit * 4

            NkHeader {
                width: parent.width
                title: qsTr("Источники")
                lead: qsTr("Каждый факт раздела опирается на отрывок документа. Здесь — сами документы, " +
                           "что из них взято, какие ошибки исправлены и о чём документы расходятся.")
            }

            Repeater {
                model: Novokuznetsk.seeds   // only the documents visitors see
                Rectangle {
                    id: doc
                    required property NkSeedRecord modelData
                    objectName: "nkSeed_" + modelData.id
                    width: column.width
                    height: docColumn.implicitHeight + Theme.unit * 6
                    radius: Theme.radius * 2
                    color: Theme.groundRaised
                    border.width: Math.max(1, Theme.px(2))
                    border.color: Theme.line
                    Column {
                        id: docColumn
                        x: Theme.unit * 4
                        y: Theme.unit * 3
                        width: parent.width - Theme.unit * 8
                        spacing: Theme.unit
                        KText {
                            objectName: "nkSeedTitle"
                            kind: KText.Body
                            width: parent.width
                            // English mode: the exhibition's English description of the document (not its text)
                            text: Language.english && doc.modelData.titleEn ? doc.modelData.titleEn : doc.modelData.title
                            font.bold: true
                            font.pixelSize: Theme.px(36)
                            wrapMode: Text.Wrap
                        }
                        Note { text: Language.english && doc.modelData.kindEn ? doc.modelData.kindEn : doc.modelData.kind }
                        Body { text: Language.english && doc.modelData.takenEn ? doc.modelData.takenEn : doc.modelData.taken }
                        Note {
                            color: Theme.gold
                            text: qsTr("Отрывков в разделе: %1").arg(doc.modelData.items)
                        }
                    }
                }
            }

            Heading { text: qsTr("Исправленные ошибки документов") }
            Repeater {
                model: Novokuznetsk.corrections
                Column {
                    id: fix
                    required property NkCorrectionRecord modelData
                    width: column.width
                    spacing: Theme.unit * 0.5
                    Body { text: "«" + fix.modelData.original + "» → «" + fix.modelData.corrected + "»" }
                    Note { text: fix.modelData.note }
                }
            }

            Heading { objectName: "nkQuestionsHeading"; text: qsTr("Где документы расходятся") }
            Note { text: qsTr("Здесь показано лучше подтверждённое прочтение.") }
            Repeater {
                model: Novokuznetsk.questions
                Column {
                    id: question
                    required property NkQuestionRecord modelData
                    objectName: "nkQuestion_" + modelData.id
                    width: column.width
                    spacing: Theme.unit * 0.5
                    topPadding: Theme.unit * 2
                    KText {
                        width: parent.width
                        text: question.modelData.topic
                        color: Theme.gold
                        font.bold: true
                        font.pixelSize: Theme.labelSize + Theme.px(2)
                        wrapMode: Text.Wrap
                    }
                    Body {
                        visible: question.modelData.shownTitle !== ""
                        text: qsTr("Показано, как в документе «%1».").arg(question.modelData.shownTitle)
                    }
                }
            }
        }
    }
}
