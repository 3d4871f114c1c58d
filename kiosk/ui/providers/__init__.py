"""What QML draws with: image providers (icons, QR, photographs), fonts, icon font, the map's painter."""
