import QtQuick
import Kiosk

// Attract mode: a fullscreen slideshow over everything while nobody is at the kiosk (the attract service
// decides when). Two recycled cards crossfade; the whole composition drifts a few pixels over minutes and the
// «Коснитесь экрана» hint wanders slowly along the bottom, so nothing stays on the same pixels for hours.
// The service swallows the waking touch before it reaches QML; the MouseArea is only a safety net.
Item {
    id: screen
    objectName: "attractScreen"

    opacity: Attract.active ? 1 : 0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: Theme.normal; easing.type: Easing.OutCubic } }

    // Burn-in: one pixel at a time, every few seconds, along a slow Lissajous path (periods of minutes).
    property int step: 0
    readonly property real amplitude: Theme.px(14)
    Timer {
        objectName: "attractDriftTimer"
        interval: 4000
        repeat: true
        running: screen.visible
        onTriggered: screen.step = (screen.step + 1) % 100000
    }

    Rectangle {
        anchors.fill: parent
        color: Attract.quiet ? "black" : Theme.ground
    }

    MouseArea {
        anchors.fill: parent
        enabled: Attract.active
        onPressed: Attract.wake()
    }

    Item {
        id: composition
        objectName: "attractComposition"
        anchors.fill: parent
        visible: !Attract.quiet
        transform: Translate {
            x: Math.round(screen.amplitude * Math.sin(screen.step * 2 * Math.PI / 37))
            y: Math.round(screen.amplitude * Math.sin(screen.step * 2 * Math.PI / 53))
        }

        AttractSlide {
            objectName: "attractCardA"
            anchors.fill: parent
            anchors.bottomMargin: hint.height + Theme.margin + Theme.px(16) + Theme.unit * 4  // clear of the hint
            slide: Attract.slideA
            shown: Attract.active && Attract.front === 0
            fadeMs: Attract.crossfadeMs
            slideMs: Attract.slideMs
        }
        AttractSlide {
            objectName: "attractCardB"
            anchors.fill: parent
            anchors.bottomMargin: hint.height + Theme.margin + Theme.px(16) + Theme.unit * 4  // clear of the hint
            slide: Attract.slideB
            shown: Attract.active && Attract.front === 1
            fadeMs: Attract.crossfadeMs
            slideMs: Attract.slideMs
        }

        // A banner-red band: the home screen's one decoration, here drifting with the rest (over the
        // cards, which are opaque, and over the outgoing one, which fades out on top of the incoming one).
        Rectangle {
            objectName: "attractBand"
            z: 2
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; leftMargin: Theme.px(20) }
            width: Theme.px(16)
            color: Theme.red
        }

        // Steady, never blinking; it travels a few hundred pixels to and fro over about half an hour.
        Row {
            id: hint
            objectName: "attractHint"
            readonly property int travel: Math.max(0, screen.width - width - Theme.margin * 4)
            readonly property int phase: screen.step % 450
            x: Theme.margin * 2 + Math.round(travel * (0.5 - 0.5 * Math.cos(phase * 2 * Math.PI / 450)))
            anchors.bottom: parent.bottom
            anchors.bottomMargin: Theme.margin + Theme.px(16)
            spacing: Theme.unit * 2
            Image {
                anchors.verticalCenter: parent.verticalCenter
                width: Theme.px(56); height: width
                sourceSize: Qt.size(width, height)
                source: Theme.icon("mdi6.gesture-tap", Theme.paperDim)
            }
            KText {
                kind: KText.Secondary
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Коснитесь экрана")
                font.pixelSize: Theme.px(40)
            }
        }
    }
}
