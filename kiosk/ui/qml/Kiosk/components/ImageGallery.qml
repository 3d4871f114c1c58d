pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// An owner's images under its headline (a city page, a Novokuznetsk chapter or item card): one row of
// thumbnails with caption and credit, never wider than its column (no sideways scrolling to fight a page's
// swipe). A tap asks for the full-screen ImageViewer at that picture; a «+N» tile stands for the pictures that
// do not fit. images: ImageRecords (kiosk.ui.models.city_images).
Item {
    id: gallery

    property list<ImageRecord> images: []
    signal opened(int index)

    readonly property int count: images.length
    readonly property int gap: Theme.unit * 2
    readonly property int thumbHeight: Theme.px(200)
    readonly property int thumbWidth: Theme.px(280)
    readonly property int fits: Math.max(1, Math.floor((width + gap) / (thumbWidth + gap)))
    readonly property int shown: Math.min(count, fits)

    objectName: "imageGallery"
    visible: count > 0
    implicitHeight: count > 0 ? row.implicitHeight : 0

    Row {
        id: row
        spacing: gallery.gap
        Repeater {
            model: gallery.shown
            Item {
                id: thumb
                required property int index
                readonly property ImageRecord picture: gallery.images[index]
                readonly property bool more: index === gallery.shown - 1 && gallery.count > gallery.shown
                objectName: "galleryThumb_" + index
                width: gallery.thumbWidth
                height: frame.height + Theme.unit + label.height + credit.height
                Accessible.role: Accessible.Button
                Accessible.name: picture.caption
                Accessible.ignored: !visible
                Accessible.onPressAction: if (thumb.visible) gallery.opened(thumb.index)
                activeFocusOnTab: true
                FocusRing { radius: Theme.radius }

                Rectangle {
                    id: frame
                    width: parent.width
                    height: gallery.thumbHeight
                    radius: Theme.radius
                    color: Theme.groundRaised
                    border.width: Math.max(1, Theme.px(2))
                    border.color: tap.pressed ? Theme.gold : Theme.line
                    clip: true
                    Image {
                        anchors.fill: parent
                        anchors.margins: parent.border.width
                        source: thumb.picture.source
                        fillMode: Image.PreserveAspectCrop
                        sourceSize: Qt.size(frame.width, frame.height)
                        opacity: status === Image.Ready ? 1 : 0
                        Behavior on opacity { NumberAnimation { duration: Theme.fast } }
                    }
                    Rectangle {
                        visible: thumb.more
                        anchors.fill: parent
                        color: Qt.rgba(0.11, 0.12, 0.13, 0.72)
                        KText {
                            anchors.centerIn: parent
                            text: qsTr("ещё %n", "", gallery.count - gallery.shown + 1)
                            font.bold: true
                        }
                    }
                }
                KText {
                    id: label
                    objectName: "galleryCaption"   // may end in «…»: a tap opens the picture with it whole
                    kind: KText.Small  // secondary text, still readable from 1.5 m
                    anchors.top: frame.bottom
                    anchors.topMargin: Theme.unit
                    width: parent.width
                    visible: text !== "" && !thumb.more
                    text: thumb.picture.caption
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                KText {
                    id: credit
                    objectName: "galleryCredit"   // may end in «…»: a tap opens the picture with it whole
                    kind: KText.Secondary
                    anchors.top: label.bottom
                    width: parent.width
                    visible: text !== "" && !thumb.more
                    text: thumb.picture.credit
                    font.italic: true
                    elide: Text.ElideRight
                }
                TapHandler {
                    id: tap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: gallery.opened(thumb.index)
                }
            }
        }
    }
}
