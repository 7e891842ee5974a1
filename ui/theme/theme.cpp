#include "theme.h"

#include "studio/studiosettings.h"

#include <QApplication>
#include <QPalette>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QPalette darkPalette()
{
    // Neutral greys (no tint that would shift how an image's colours are judged), a calm blue
    // for selection and links.
    const QColor window(45, 45, 45);
    const QColor base(32, 32, 32);
    const QColor button(53, 53, 53);
    const QColor text(222, 222, 222);
    const QColor disabledText(120, 120, 120);
    const QColor highlight(56, 117, 215);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(40, 40, 40));
    palette.setColor(QPalette::ToolTipBase, QColor(60, 60, 60));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(255, 90, 90));
    palette.setColor(QPalette::Light, QColor(75, 75, 75));
    palette.setColor(QPalette::Midlight, QColor(62, 62, 62));
    palette.setColor(QPalette::Mid, QColor(40, 40, 40));
    palette.setColor(QPalette::Dark, QColor(25, 25, 25));
    palette.setColor(QPalette::Shadow, QColor(10, 10, 10));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(110, 160, 240));
    palette.setColor(QPalette::LinkVisited, QColor(160, 130, 230));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(70, 70, 70));
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    return palette;
}

// Fusion (Qt 6.4) draws a check box's frame and a radio button's ring in the window colour
// darkened (Window.darker(140) and .darker(150)): on a dark window that is a few levels from the
// window and from the base it fills them with, so an unchecked box all but vanishes — in a
// dialog, a form or an item view alike. In the dark theme the indicators are drawn as if on a
// light window, which makes the frame a clear mid grey on both grounds; their fill (Base) and
// mark (Text) stay the theme's. Menus, group boxes and views draw theirs through the same
// primitives.
class DarkIndicatorStyle final : public QProxyStyle
{
public:
    explicit DarkIndicatorStyle(QStyle *fusion)
        : QProxyStyle(fusion)
    { }

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        if (element != PE_IndicatorCheckBox && element != PE_IndicatorRadioButton) {
            QProxyStyle::drawPrimitive(element, option, painter, widget);
            return;
        }
        const QColor frameGround
            = option->state & State_Enabled ? Theme::indicatorFrameGround() : QColor(120, 120, 120);
        if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option)) {
            QStyleOptionButton lighter(*button);
            lighter.palette.setColor(QPalette::Window, frameGround);
            QProxyStyle::drawPrimitive(element, &lighter, painter, widget);
            return;
        }
        QStyleOption lighter(*option);
        lighter.palette.setColor(QPalette::Window, frameGround);
        QProxyStyle::drawPrimitive(element, &lighter, painter, widget);
    }
};

} // namespace

void Theme::apply(Kind kind)
{
    QStyle *fusion = QStyleFactory::create(u"Fusion"_s);
    if (!fusion)
        return; // Fusion is built into QtWidgets; without it the desktop's style stays
    const QPalette palette = kind == Dark ? darkPalette() : fusion->standardPalette();
    if (kind == Dark)
        QApplication::setStyle(new DarkIndicatorStyle(fusion)); // takes Fusion over
    else
        QApplication::setStyle(fusion);
    QApplication::setPalette(palette);
    s_current = kind;
}

QString Theme::styleName()
{
    const QStyle *style = QApplication::style();
    if (const auto *proxy = qobject_cast<const QProxyStyle *>(style))
        style = proxy->baseStyle();
    return style ? style->name() : QString();
}

Theme::Kind Theme::configured()
{
    return fromName(StudioSettings::theme.value());
}

void Theme::setConfigured(Kind kind)
{
    StudioSettings::theme.setValue(name(kind));
}

QString Theme::name(Kind kind)
{
    return kind == Light ? u"light"_s : u"dark"_s;
}

Theme::Kind Theme::fromName(const QString &name)
{
    return name == "light"_L1 ? Light : Dark;
}

} // namespace Atelier
