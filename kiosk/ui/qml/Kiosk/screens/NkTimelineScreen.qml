pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The timeline 1941–2020: a kinetic strip (horizontal in landscape, vertical in portrait) with year marks,
// every event placed by its date. Each event has a card at its start and, in the gutter beside the axis, a
// bar as long as what its date says: a day is a dot, a month or a year a short bar, a span a long one.
// The war years are wide, the decades after narrow (Python computes every position: Novokuznetsk).
Item {
    id: screen
    objectName: "nkTimelineScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own
    readonly property bool portrait: Theme.portrait
    readonly property real s: Theme.scale
    readonly property var lanes: Novokuznetsk.laneCounts   // var: a map, lane counts by orientation
    readonly property int cardLanes: Math.max(1, (portrait ? lanes.laneTall : lanes.lane) || 1)
    readonly property int barLanes: Math.max(1, lanes.bar || 1)
    readonly property real barLane: Theme.px(12)
    readonly property real axisSize: portrait ? Theme.px(120) : Theme.px(64)
    readonly property real gutter: barLanes * barLane + Theme.unit * 2
    readonly property real pad: Theme.margin
    readonly property real length: Novokuznetsk.stripLength * s
    readonly property real across: portrait ? strip.width : strip.height
    readonly property real cardArea: across - axisSize - gutter - Theme.unit * 3 - (portrait ? Theme.margin : 0)
    readonly property real laneSize: cardArea / cardLanes

    NkHeader {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.topMargin: Theme.barHeight + Theme.unit * 2
        title: qsTr("Лента времени")
        // Landscape keeps every pixel of height for the cards: the hint goes into the kicker line.
        kicker: screen.portrait ? qsTr("Раздел «Новокузнецк»")
                                : qsTr("Новокузнецк · коснитесь события, чтобы прочитать его и источник")
        lead: screen.portrait ? qsTr("Листайте вверх и вниз, от 1941 года к 2020-му. Коснитесь события — " +
                                     "откроются его рассказ и источник.") : ""
    }

    Flickable {
        id: strip
        objectName: "nkTimelineStrip"
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom }
        anchors.topMargin: Theme.unit * 2
        anchors.bottomMargin: Theme.unit * 3
        clip: true
        flickableDirection: screen.portrait ? Flickable.VerticalFlick : Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: Theme.px(1500)
        maximumFlickVelocity: Theme.px(6000)
        contentWidth: screen.portrait ? width : screen.length + screen.pad * 2 + Theme.px(560)
        contentHeight: screen.portrait ? Novokuznetsk.stripLengthTall * screen.s + screen.pad * 2 : height

        // A mouse wheel turns vertically; in landscape the strip runs sideways, so the wheel moves it sideways.
        WheelHandler {
            enabled: !screen.portrait
            target: null
            onWheel: (wheel) => {
                const delta = wheel.angleDelta.y !== 0 ? wheel.angleDelta.y : wheel.angleDelta.x
                strip.contentX = Math.max(0, Math.min(strip.contentWidth - strip.width,
                                                      strip.contentX - delta * 2 * screen.s))
            }
        }

        // The axis.
        Rectangle {
            x: screen.portrait ? screen.axisSize - width : screen.pad
            y: screen.portrait ? screen.pad : screen.axisSize - height
            width: screen.portrait ? Math.max(2, Theme.px(3)) : screen.length
            height: screen.portrait ? screen.length : Math.max(2, Theme.px(3))
            color: Theme.line
        }

        Repeater {
            model: Novokuznetsk.yearMarks
            Item {
                id: mark
                required property NkYearMarkRecord modelData
                readonly property real at: screen.pad + modelData.pos * screen.s
                x: screen.portrait ? 0 : at
                y: screen.portrait ? at : 0
                Rectangle {   // the tick
                    x: screen.portrait ? screen.axisSize - width : 0
                    y: screen.portrait ? 0 : screen.axisSize - height
                    width: screen.portrait ? (mark.modelData.major ? Theme.px(28) : Theme.px(14)) : Math.max(2, Theme.px(3))
                    height: screen.portrait ? Math.max(2, Theme.px(3)) : (mark.modelData.major ? Theme.px(28) : Theme.px(14))
                    color: mark.modelData.major ? Theme.gold : Theme.line
                }
                KText {
                    kind: KText.Body
                    visible: mark.modelData.labelled
                    x: screen.portrait ? 0 : Theme.unit
                    y: screen.portrait ? Theme.unit : 0
                    width: screen.portrait ? screen.axisSize - Theme.px(36) : Theme.px(120)
                    horizontalAlignment: screen.portrait ? Text.AlignRight : Text.AlignLeft
                    text: mark.modelData.year
                    color: Theme.gold
                    font.bold: true
                    font.pixelSize: Theme.px(32)
                }
            }
        }

        Text {   // honest about the scale: the decades after the war are drawn narrow
            objectName: "nkTimelineBreak"
            readonly property real at: screen.pad + Novokuznetsk.scaleBreak * screen.s
            x: screen.portrait ? screen.axisSize + screen.gutter + Theme.unit * 2 : at + Theme.unit * 2
            y: screen.portrait ? at - Theme.px(44) : screen.axisSize + screen.gutter - Theme.unit
            visible: Novokuznetsk.events.length > 0
            text: qsTr("после войны шкала сжата")
            textFormat: Text.PlainText
            color: Theme.paperDim
            font.family: Theme.sans
            font.italic: true
            font.pixelSize: Theme.smallSize + Theme.px(4)
        }

        Repeater {   // the bars: how long each date is
            model: Novokuznetsk.events
            Rectangle {
                id: bar
                required property NkEventRecord modelData
                readonly property real from: screen.pad + modelData.start * screen.s
                readonly property real size: Math.max(Theme.px(8), (modelData.end - modelData.start) * screen.s)
                x: screen.portrait ? screen.axisSize + Theme.unit + modelData.bar * screen.barLane : from
                y: screen.portrait ? from : screen.axisSize + Theme.unit + modelData.bar * screen.barLane
                width: screen.portrait ? screen.barLane - Theme.px(4) : size
                height: screen.portrait ? size : screen.barLane - Theme.px(4)
                radius: Theme.px(4)
                color: modelData.precision === "day" ? Theme.redBright : Theme.gold
                opacity: 0.85
            }
        }

        Repeater {   // the cards
            model: Novokuznetsk.events
            Rectangle {
                id: event
                required property NkEventRecord modelData
                objectName: "nkEvent_" + modelData.id
                readonly property real from: screen.pad + (screen.portrait ? modelData.tallAt : modelData.start) * screen.s
                readonly property real lane: screen.portrait ? modelData.laneTall : modelData.lane
                readonly property real laneAt: screen.axisSize + screen.gutter + Theme.unit * 3 + lane * screen.laneSize
                // Portrait: a card moved down to make room is joined to its date by a line.
                readonly property real shifted: screen.portrait ? (modelData.tallAt - modelData.start) * screen.s : 0
                x: screen.portrait ? laneAt : from
                y: screen.portrait ? from : laneAt
                width: screen.portrait ? screen.laneSize - Theme.unit * 2 : screen.lanes.cardWide * screen.s - Theme.unit * 2
                height: screen.portrait ? screen.lanes.cardTall * screen.s - Theme.unit * 2 : screen.laneSize - Theme.unit * 2
                radius: Theme.radius
                color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
                border.width: Math.max(1, Theme.px(2))
                border.color: tap.pressed ? Theme.gold : Theme.line
                Accessible.role: Accessible.Button
                Accessible.name: Language.english && modelData.labelEn ? modelData.labelEn : modelData.title
                Accessible.ignored: !visible
                Accessible.onPressAction: if (event.visible) itemCard.open(event.modelData.ref, false)
                activeFocusOnTab: true
                FocusRing { radius: Theme.radius }

                Rectangle {   // portrait: from the event's date down to its card
                    visible: event.shifted > 1
                    x: 0
                    y: -event.shifted
                    width: Math.max(2, Theme.px(2))
                    height: event.shifted
                    color: Theme.line
                }
                Rectangle {
                    visible: event.shifted > 1
                    x: -Theme.unit * 3 - event.lane * screen.laneSize
                    y: -event.shifted
                    width: event.lane * screen.laneSize + Theme.unit * 3
                    height: Math.max(2, Theme.px(2))
                    color: Theme.line
                }
                Rectangle {   // the date's edge: the card starts where its event does
                    width: screen.portrait ? parent.width : Theme.px(6)
                    height: screen.portrait ? Theme.px(6) : parent.height
                    color: event.modelData.precision === "day" ? Theme.redBright : Theme.gold
                }
                Column {
                    x: Theme.unit * 2.5
                    y: Theme.unit * 2
                    width: parent.width - Theme.unit * 4
                    height: parent.height - Theme.unit * 3
                    spacing: Theme.unit * 0.5
                    KText {
                        id: when
                        objectName: "nkEventDate"
                        kind: KText.Secondary
                        width: parent.width
                        text: Novokuznetsk.dateText(event.modelData.date, event.modelData.dateEnd, event.modelData.when, Language.code)
                        color: Theme.gold
                        font.bold: true
                        // One line, never cut («8 мая 19…»): a long range («22 июня 1941 — 8 мая 1945 г.») on a
                        // narrow card steps its type down rather than take the title's line.
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Math.round(font.pixelSize * 0.6)
                    }
                    KText {
                        id: eventTitle
                        objectName: "nkEventTitle"   // may end in «…»: the card a tap away has it whole
                        kind: KText.Title
                        width: parent.width
                        // English mode: the exhibition's English heading; the card opens on the Russian quote
                        text: Language.english && event.modelData.labelEn ? event.modelData.labelEn : event.modelData.title
                        font.pixelSize: Theme.bodySize - Theme.px(4)
                        lineHeight: 1.05
                        wrapMode: Text.Wrap
                        // As many whole lines as the card has room for (at least one), the last ending in «…».
                        maximumLineCount: Math.max(1, Math.floor((parent.height - when.height - parent.spacing)
                                                                 / (titleMetrics.lineSpacing * 1.05)))
                        elide: Text.ElideRight
                        FontMetrics { id: titleMetrics; font: eventTitle.font }
                    }
                }
                TapHandler {
                    id: tap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: itemCard.open(event.modelData.ref, false)
                }
            }
        }
    }

    Rectangle {   // where the visitor is along the strip
        objectName: "nkTimelinePosition"
        visible: !screen.portrait
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.unit
        x: strip.visibleArea.xPosition * parent.width
        width: Math.max(Theme.px(48), strip.visibleArea.widthRatio * parent.width)
        height: Theme.px(6)
        radius: height / 2
        color: Theme.line
    }

    NkItemCard { id: itemCard; anchors.fill: parent }
}
