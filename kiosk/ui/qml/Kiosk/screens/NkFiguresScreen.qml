pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The figures: large numbers that count up once, in about a second, when they come into view; never again
// while the visitor stays (Python remembers which have counted until the kiosk returns to idle). Shares like
// «¼» are shown, not counted. Each figure's «Источник» is one tap on it.
Item {
    id: screen
    objectName: "nkFiguresScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own
    readonly property bool portrait: Theme.portrait
    readonly property int columns: portrait ? 2 : Math.max(3, Math.floor((width - Theme.margin * 2) / Theme.px(540)))

    GridView {
        id: grid
        objectName: "nkFiguresGrid"
        keyNavigationEnabled: false   // arrows move between its controls (ScreenStack), not an unseen current item
        anchors.fill: parent
        anchors.topMargin: Theme.barHeight
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin - Theme.unit * 3
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.px(2000)
        maximumFlickVelocity: Theme.px(5000)
        cellWidth: Math.floor(width / screen.columns)
        // The value, a two-line unit and the longest label laid out at the cell's width, with its padding, at the
        // language and text size shown («Aa» too): no label is cut (the English ones are longer).
        cellHeight: Math.ceil(valueMetrics.height + unitMetrics.lineSpacing * 2
                              + Math.max(labelMetrics.lineSpacing * 1.2 * 3, labelProbe.implicitHeight) + Theme.unit * 11)
        FontMetrics { id: valueMetrics; font.family: Theme.serif; font.bold: true; font.pixelSize: Theme.px(92) }
        FontMetrics { id: unitMetrics; font.family: Theme.sans; font.bold: true; font.pixelSize: Theme.labelSize + Theme.px(4) }
        FontMetrics { id: labelMetrics; font.family: Theme.serif; font.pixelSize: Theme.labelSize + Theme.px(2) }
        KText {   // never shown: measures the longest label as the cells lay it out
            id: labelProbe
            visible: false
            Accessible.ignored: true
            kind: KText.Title
            width: grid.cellWidth - Theme.unit * 9
            font.pixelSize: Theme.labelSize + Theme.px(2)
            lineHeight: 1.2
            wrapMode: Text.Wrap
            text: {
                let longest = ""
                for (const f of Novokuznetsk.figures) {
                    const label = Language.english && f.labelEn ? f.labelEn : f.label
                    if (label.length > longest.length)
                        longest = label
                }
                return longest
            }
        }
        bottomMargin: Theme.unit * 4
        model: Novokuznetsk.figures

        header: NkHeader {
            width: grid.width - Theme.unit * 3
            topPadding: Theme.unit * 4
            bottomPadding: Theme.unit * 4
            title: qsTr("Цифры")
            lead: qsTr("Всё, что сосчитано в документах. Коснитесь цифры — откроется отрывок-источник.")
        }

        delegate: Item {
            id: cell
            required property NkFigureRecord modelData
            required property int index
            objectName: "nkFigure_" + modelData.id
            width: grid.cellWidth
            height: grid.cellHeight

            // In view: some of the cell is inside the visible part of the grid.
            readonly property bool inView: y + height * 0.5 > grid.contentY && y + height * 0.5 < grid.contentY + grid.height
            property real current: modelData.countable && !Novokuznetsk.counted(modelData.id) ? 0 : modelData.value
            readonly property bool counting: countUp.running

            function start() {
                if (!modelData.countable || Novokuznetsk.counted(modelData.id))
                    return
                Novokuznetsk.markCounted(modelData.id)   // once: never again while this visitor stays
                countUp.restart()
            }
            onInViewChanged: if (inView) start()
            Component.onCompleted: if (inView) Qt.callLater(start)

            NumberAnimation {
                id: countUp
                target: cell
                property: "current"
                from: 0
                to: cell.modelData.value
                duration: 1000
                easing.type: Easing.OutCubic
            }

            Rectangle {
                anchors.fill: parent
                anchors.rightMargin: Theme.unit * 3
                anchors.bottomMargin: Theme.unit * 3
                clip: true   // a text longer than the cell shows as cut, and the fit checker names it
                radius: Theme.radius * 2
                color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
                border.width: Math.max(1, Theme.px(2))
                border.color: tap.pressed ? Theme.gold : Theme.line
                Accessible.role: Accessible.Button
                Accessible.name: Novokuznetsk.numberText(cell.modelData.valueText, Language.code) + " " + cell.modelData.unit
                                 + ", " + cell.modelData.label
                Accessible.ignored: !visible
                Accessible.onPressAction: if (cell.visible) itemCard.open(cell.modelData.ref, true)
                activeFocusOnTab: true
                FocusRing { radius: Theme.radius * 2 }

                Column {
                    x: Theme.unit * 3
                    y: Theme.unit * 3
                    width: parent.width - Theme.unit * 6
                    spacing: Theme.unit
                    KText {
                        objectName: "nkFigureValue"
                        kind: KText.Title
                        width: parent.width
                        text: cell.counting
                              ? cell.modelData.prefix + Number(cell.current).toLocaleString(Language.english ? Qt.locale("en_GB") : Qt.locale("ru_RU"), "f", cell.modelData.decimals) + cell.modelData.suffix
                              : Novokuznetsk.numberText(cell.modelData.valueText, Language.code)
                        color: Theme.gold
                        font.bold: true
                        font.pixelSize: Theme.px(92)
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Theme.px(48)
                    }
                    KText {
                        width: parent.width
                        text: cell.modelData.unit
                        font.bold: true
                        font.pixelSize: Theme.labelSize + Theme.px(4)
                        wrapMode: Text.Wrap
                    }
                    KText {
                        kind: KText.Title
                        width: parent.width
                        text: Language.english && cell.modelData.labelEn ? cell.modelData.labelEn : cell.modelData.label
                        color: Theme.paperDim
                        font.pixelSize: Theme.labelSize + Theme.px(2)
                        lineHeight: 1.2
                        wrapMode: Text.Wrap
                    }
                }
                TapHandler {
                    id: tap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: itemCard.open(cell.modelData.ref, true)
                }
            }
        }
    }

    NkItemCard { id: itemCard; anchors.fill: parent }
}
