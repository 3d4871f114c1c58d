pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// Awards and titles of the city, the combine and its people (the decree's wording on tap), then the military
// units formed or stationed in the city.
Item {
    id: screen
    objectName: "nkAwardsScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own

    ListView {
        id: list
        objectName: "nkAwardsList"
        keyNavigationEnabled: false   // arrows move between its controls (ScreenStack), not an unseen current item
        anchors.top: parent.top
        anchors.topMargin: Theme.barHeight
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width - Theme.margin * 2, Theme.readingWidth + Theme.px(200))
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.px(2000)
        maximumFlickVelocity: Theme.px(5000)
        spacing: Theme.unit * 2
        bottomMargin: Theme.unit * 4
        model: Novokuznetsk.honours

        header: NkHeader {
            width: list.width
            topPadding: Theme.unit * 4
            bottomPadding: Theme.unit * 4
            title: qsTr("Награды, звания и воинские части")
            lead: qsTr("Коснитесь строки — откроются формулировка и источник.")
        }

        delegate: Rectangle {
            id: row
            required property NkHonourRecord modelData
            required property int index
            readonly property bool isUnit: modelData.unit
            readonly property bool firstUnit: isUnit && index === Novokuznetsk.awardCount
            objectName: "nkAward_" + modelData.id
            width: list.width
            height: column.implicitHeight + Theme.unit * 5 + (firstUnit ? unitsTitle.height : 0)
            color: "transparent"

            KText {
                id: unitsTitle
                kind: KText.Title
                visible: row.firstUnit
                height: visible ? implicitHeight + Theme.unit * 4 : 0
                topPadding: Theme.unit * 4
                text: qsTr("Воинские части и училище")
                font.bold: true
                font.pixelSize: Theme.titleSize - Theme.px(8)
            }
            Rectangle {
                y: row.firstUnit ? unitsTitle.height : 0
                width: parent.width
                height: parent.height - y
                radius: Theme.radius * 2
                color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
                border.width: Math.max(1, Theme.px(2))
                border.color: tap.pressed ? Theme.gold : Theme.line
                Accessible.role: Accessible.Button
                Accessible.name: Language.english && row.modelData.labelEn ? row.modelData.labelEn : row.modelData.title
                Accessible.ignored: !visible
                Accessible.onPressAction: if (parent.visible) itemCard.open(row.modelData.ref, false)
                activeFocusOnTab: true
                FocusRing { radius: Theme.radius * 2 }

                Image {
                    id: glyph
                    x: Theme.unit * 3
                    y: Theme.unit * 3
                    width: Theme.px(56); height: width
                    sourceSize: Qt.size(width, height)
                    source: Theme.icon(row.isUnit ? "mdi6.flag-outline" : "mdi6.medal-outline", Theme.gold)
                }
                Column {
                    id: column
                    anchors { left: glyph.right; leftMargin: Theme.unit * 3; right: parent.right; rightMargin: Theme.unit * 3 }
                    y: Theme.unit * 2.5
                    spacing: Theme.unit * 0.5
                    KText {
                        width: parent.width
                        visible: text !== ""
                        text: row.isUnit ? "" : Novokuznetsk.dateText(row.modelData.date, "", "", Language.code)
                        color: Theme.gold
                        font.bold: true
                    }
                    KText {
                        kind: KText.Body
                        width: parent.width
                        text: Language.english && row.modelData.labelEn ? row.modelData.labelEn : row.modelData.title
                        font.bold: true
                        font.pixelSize: Theme.px(36)
                        lineHeight: 1.1
                        wrapMode: Text.Wrap
                    }
                    KText {
                        kind: KText.Secondary
                        width: parent.width
                        text: row.modelData.detail
                        font.pixelSize: Theme.labelSize + Theme.px(2)
                        lineHeight: 1.2
                        wrapMode: Text.Wrap
                    }
                }
                TapHandler {
                    id: tap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: itemCard.open(row.modelData.ref, false)
                }
            }
        }
    }

    NkItemCard { id: itemCard; anchors.fill: parent }
}
