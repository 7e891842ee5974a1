#pragma once

#include <QColor>
#include <QString>

namespace Atelier {

// The studio's look: Fusion with a dark palette by default (images are judged on a neutral dark
// ground, as in Krita or Lightroom), or Fusion's light palette as a choice in the settings.
class Theme final
{
public:
    enum Kind { Dark, Light };

    // Sets the Fusion style and the palette on the application; widgets follow at once.
    static void apply(Kind kind);
    // The kind the settings name ("dark" unless the user chose "light").
    static Kind configured();
    static void setConfigured(Kind kind);
    static Kind current() { return s_current; }
    static QString name(Kind kind);
    // The style the application draws with ("fusion"), under the dark theme's indicator fix.
    static QString styleName();
    // What the dark theme draws check box frames and radio rings from (Fusion darkens it by
    // 140 and 150 %): they show mid grey on the dark window and on the darker base.
    static QColor indicatorFrameGround() { return QColor(200, 200, 200); }
    static Kind fromName(const QString &name);

    // The neutral ground images are shown on (preview, viewer, mask canvas), whatever the theme,
    // and the colour of a message written on it.
    static QColor imageGround() { return QColor(30, 30, 30); }
    static QColor imageGroundText() { return QColor(160, 160, 160); }

private:
    static inline Kind s_current = Light;
};

} // namespace Atelier
