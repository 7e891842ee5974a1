#include "resultgrid.h"

#include "preview/checkerboard.h"
#include "theme/theme.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

constexpr int Spacing = 6;
constexpr int FrameWidth = 3;

} // namespace

ResultCell::ResultCell(int index, int count, QWidget *parent)
    : QWidget(parent)
    , m_index(index)
    , m_count(count)
{
    setObjectName(u"resultCell"_s);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(48, 36);
    m_status = tr("Waiting");
    describe();
}

void ResultCell::describe()
{
    setAccessibleName(tr("Image %1 of %2").arg(m_index + 1).arg(std::max(m_count, m_index + 1)));
    const QString shown = m_shown >= 0 ? m_frames.at(m_shown).caption : QString();
    setAccessibleDescription(isFailed() ? m_failure : shown.isEmpty() ? m_status : shown);
    if (!isFailed())
        setToolTip(tr("Click to pick this image · double-click or Enter: full window · arrows: "
                      "the next one"));
}

void ResultCell::addFrame(const Frame &frame, bool show)
{
    m_frames.append(frame);
    if (show || m_shown < 0)
        showFrame(int(m_frames.size()) - 1);
}

void ResultCell::showFrame(int index)
{
    if (index < 0 || index >= m_frames.size())
        return;
    m_shown = index;
    rescale();
    describe();
    update();
}

QString ResultCell::savedPath() const
{
    for (auto it = m_frames.crbegin(); it != m_frames.crend(); ++it) {
        if (!it->partial)
            return it->savedPath;
    }
    return {};
}

QImage ResultCell::image() const
{
    return m_shown >= 0 ? m_frames.at(m_shown).image : QImage();
}

void ResultCell::setStatus(const QString &status, double progress)
{
    if (status == m_status && progress == m_progress)
        return;
    m_status = status;
    m_progress = progress;
    describe();
    update();
}

void ResultCell::setFailed(const QString &word, const QString &detail)
{
    m_failure = word;
    m_progress = -1.0;
    setToolTip(detail);
    describe();
    update();
}

void ResultCell::setFocused(bool focused)
{
    if (focused == m_focused)
        return;
    m_focused = focused;
    update();
}

QRect ResultCell::imageRect() const
{
    const QImage shown = image();
    if (shown.isNull())
        return {};
    const QRect room
        = rect().adjusted(FrameWidth + 2, FrameWidth + 2, -FrameWidth - 2, -FrameWidth - 2);
    const QSize fitted = shown.size().scaled(room.size(), Qt::KeepAspectRatio);
    QRect placed(QPoint(), fitted);
    placed.moveCenter(room.center());
    return placed;
}

void ResultCell::rescale()
{
    const QRect target = imageRect();
    if (target.isEmpty()) {
        m_scaled = QImage();
        return;
    }
    const Frame &frame = m_frames.at(m_shown);
    // The smaller copy made off the GUI thread, where it is large enough.
    const QImage &source = !frame.preview.isNull() && frame.preview.width() >= target.width()
        ? frame.preview
        : frame.image;
    m_scaled = source.size() == target.size()
        ? source
        : source.scaled(target.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

void ResultCell::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rescale();
}

void ResultCell::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), Theme::imageGround());
    const QRect target = imageRect();
    if (!m_scaled.isNull()) {
        if (m_scaled.hasAlphaChannel())
            painter.fillRect(target, checkerboard());
        painter.drawImage(target.topLeft(), m_scaled);
    }
    const QFontMetrics metrics = painter.fontMetrics();
    // The cell's number and what it shows, over the image's corner.
    QString badgeText = QString::number(m_index + 1);
    if (m_shown >= 0)
        badgeText = tr("%1 · %2").arg(badgeText, m_frames.at(m_shown).caption);
    else if (!isFailed())
        badgeText.clear(); // the status says it in the middle
    if (m_shown >= 0 && !isFailed() && !m_status.isEmpty())
        badgeText = tr("%1 · %2").arg(badgeText, m_status);
    const QPoint corner = target.isEmpty() ? QPoint(FrameWidth + 4, FrameWidth + 4)
                                           : target.topLeft() + QPoint(6, 6);
    if (!badgeText.isEmpty()) {
        const int room = std::max(0, (target.isEmpty() ? width() : target.width()) - 24);
        const QString elided = metrics.elidedText(badgeText, Qt::ElideRight, room);
        const QRect badge = metrics.boundingRect(elided).adjusted(-6, -3, 6, 3);
        const QRect placed = badge.translated(corner - badge.topLeft());
        painter.fillRect(placed, QColor(0, 0, 0, 160));
        painter.setPen(Qt::white);
        painter.drawText(placed, Qt::AlignCenter, elided);
    }
    if (isFailed() || m_shown < 0) {
        // Nothing to look at yet, or no more coming: say so in the middle, large.
        QFont font = painter.font();
        if (isFailed()) {
            font.setPointSizeF(font.pointSizeF() * 1.4);
            font.setBold(true);
        }
        painter.setFont(font);
        const QString text = isFailed() ? m_failure : m_status;
        const QRect box = rect().adjusted(8, 8, -8, -8);
        const QRect textRect
            = painter.fontMetrics().boundingRect(box, Qt::AlignCenter | Qt::TextWordWrap, text);
        if (m_shown >= 0)
            painter.fillRect(textRect.adjusted(-10, -6, 10, 6), QColor(0, 0, 0, 180));
        painter.setPen(isFailed() ? QColor(240, 110, 100) : Theme::imageGroundText());
        painter.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, text);
    }
    if (m_progress >= 0.0 && !isFailed()) {
        const int barHeight = 3;
        const QRect track(FrameWidth + 2, height() - FrameWidth - 2 - barHeight,
                          width() - 2 * (FrameWidth + 2), barHeight);
        painter.fillRect(track, QColor(255, 255, 255, 40));
        painter.fillRect(
            QRect(track.topLeft(),
                  QSize(int(track.width() * std::clamp(m_progress, 0.0, 1.0)), track.height())),
            palette().color(QPalette::Highlight));
    }
    if (m_focused) {
        QPen pen(palette().color(QPalette::Highlight), FrameWidth);
        pen.setJoinStyle(Qt::MiterJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(FrameWidth / 2.0, FrameWidth / 2.0,
                                                 -FrameWidth / 2.0, -FrameWidth / 2.0));
    }
}

void ResultCell::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton || event->button() == Qt::RightButton)
        Q_EMIT clicked(m_index);
}

void ResultCell::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT activated(m_index);
}

void ResultCell::contextMenuEvent(QContextMenuEvent *event)
{
    Q_EMIT contextMenuAsked(m_index, event->globalPos());
}

ResultGrid::ResultGrid(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"resultGrid"_s);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    setAccessibleName(tr("Images of this Generate"));
}

QSize ResultGrid::shapeFor(int count, const QSizeF &area, double aspect)
{
    if (count <= 1)
        return {1, 1};
    const double ratio = aspect > 0 ? aspect : 1.0;
    QSize best(count, 1);
    double bestEdge = -1.0;
    for (int columns = count; columns >= 1; --columns) {
        const int rows = (count + columns - 1) / columns;
        // A shape with a row (or column) left empty is never the best one.
        if ((columns - 1) * rows >= count && columns > 1)
            continue;
        const double cellWidth = (area.width() - Spacing * (columns - 1)) / columns;
        const double cellHeight = (area.height() - Spacing * (rows - 1)) / rows;
        // The width the image gets in the cell, its aspect kept.
        const double shown = std::min(cellWidth, cellHeight * ratio);
        // A shape with fewer columns must show them clearly larger (2 %) to win.
        if (shown > bestEdge * 1.02) {
            bestEdge = shown;
            best = QSize(columns, rows);
        }
    }
    return best;
}

void ResultGrid::reset(int count)
{
    qDeleteAll(m_cells);
    m_cells.clear();
    m_focused = -1;
    grow(count);
    focusCell(0);
}

void ResultGrid::grow(int count)
{
    const int total = int(m_cells.size()) + count;
    for (int i = 0; i < count; ++i) {
        auto *cell = new ResultCell(int(m_cells.size()), total, this);
        connect(cell, &ResultCell::clicked, this, [this](int index) {
            setFocus(Qt::MouseFocusReason);
            focusCell(index);
        });
        connect(cell, &ResultCell::activated, this, &ResultGrid::activated);
        connect(cell, &ResultCell::contextMenuAsked, this, &ResultGrid::contextMenuAsked);
        m_cells.append(cell);
        cell->show();
    }
    arrange();
}

void ResultGrid::focusCell(int index)
{
    if (m_cells.isEmpty())
        return;
    index = std::clamp(index, 0, int(m_cells.size()) - 1);
    if (index == m_focused)
        return;
    if (ResultCell *was = cell(m_focused))
        was->setFocused(false);
    m_focused = index;
    m_cells.at(index)->setFocused(true);
    Q_EMIT focusChanged(index);
}

void ResultGrid::setAspect(double aspect)
{
    if (aspect <= 0 || std::abs(aspect - m_aspect) < 1e-3)
        return;
    m_aspect = aspect;
    arrange();
}

void ResultGrid::arrange()
{
    const int count = int(m_cells.size());
    if (count == 0)
        return;
    m_shape = shapeFor(count, size(), m_aspect);
    const int columns = m_shape.width();
    const int rows = m_shape.height();
    const double cellWidth = (width() - Spacing * (columns - 1)) / double(columns);
    const double cellHeight = (height() - Spacing * (rows - 1)) / double(rows);
    for (int index = 0; index < count; ++index) {
        const int column = index % columns;
        const int row = index / columns;
        // The last row's cells are centred when it is not full.
        const int inRow = row == rows - 1 ? count - row * columns : columns;
        const double indent = (columns - inRow) * (cellWidth + Spacing) / 2.0;
        const QPointF topLeft(indent + column * (cellWidth + Spacing),
                              row * (cellHeight + Spacing));
        m_cells.at(index)->setGeometry(QRectF(topLeft, QSizeF(cellWidth, cellHeight)).toRect());
    }
    Q_EMIT arranged();
}

void ResultGrid::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange();
}

void ResultGrid::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), Theme::imageGround().darker(130));
}

void ResultGrid::keyPressEvent(QKeyEvent *event)
{
    const int columns = std::max(1, m_shape.width());
    switch (event->key()) {
    case Qt::Key_Left:
        focusCell(m_focused - 1);
        break;
    case Qt::Key_Right:
        focusCell(m_focused + 1);
        break;
    case Qt::Key_Up:
        if (m_focused - columns >= 0)
            focusCell(m_focused - columns);
        break;
    case Qt::Key_Down:
        if (m_focused + columns < count())
            focusCell(m_focused + columns);
        break;
    case Qt::Key_Home:
        focusCell(0);
        break;
    case Qt::Key_End:
        focusCell(count() - 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_focused >= 0)
            Q_EMIT activated(m_focused);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace Atelier
