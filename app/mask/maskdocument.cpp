#include "maskdocument.h"

#include "maskeditcommand.h"
#include "maskfilters.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace Atelier {

namespace {

QByteArray packPixels(const QImage &image, const QRect &rect)
{
    QByteArray raw;
    raw.resize(qsizetype(rect.width()) * rect.height());
    char *out = raw.data();
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        memcpy(out, image.constScanLine(y) + rect.left(), size_t(rect.width()));
        out += rect.width();
    }
    // Level 1: masks are long flat runs, which even the fastest level squeezes ~1000:1.
    return qCompress(raw, 1);
}

// Coverage of a pixel `distance` away from the brush centre.
inline double brushFalloff(double distance, double radius, double hardness)
{
    const double soft = std::max(1.0, radius * (1.0 - hardness));
    const double x = std::clamp((radius + 0.5 - distance) / soft, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
}

} // namespace

MaskDocument::MaskDocument(QObject *parent)
    : QObject(parent)
{
    connect(this, &MaskDocument::changed, this, [this] { m_coveredSum = -1; });
    connect(&m_undo, &QUndoStack::indexChanged, this, [this] {
        qint64 total = 0;
        for (int i = 0; i < m_undo.count(); ++i)
            total += static_cast<const MaskEditCommand *>(m_undo.command(i))->bytes();
        m_historyBytes = total;
    });
}

MaskDocument::~MaskDocument()
{
    // The commands point back at this document; drop them before the pixels go, silently:
    // whoever listens to the history may be half-destroyed already (the painter owning us).
    const QSignalBlocker quiet(&m_undo);
    m_undo.clear();
}

void MaskDocument::reset(const QSize &size)
{
    m_stroking = false;
    m_undo.clear();
    m_historyBytes = 0;
    m_coverage = QImage(size, QImage::Format_Alpha8);
    m_coverage.fill(0);
    Q_EMIT changed(m_coverage.rect());
}

qint64 MaskDocument::coveredSum() const
{
    // Derived from the pixels once per change: the window and the painter both ask after
    // every step, and the painter again on every zoom.
    if (m_coveredSum < 0) {
        qint64 sum = 0;
        for (int y = 0; y < m_coverage.height(); ++y) {
            const uchar *row = m_coverage.constScanLine(y);
            for (int x = 0; x < m_coverage.width(); ++x)
                sum += row[x];
        }
        m_coveredSum = sum;
    }
    return m_coveredSum;
}

bool MaskDocument::isEmpty() const
{
    return coveredSum() == 0;
}

double MaskDocument::coveredFraction() const
{
    if (m_coverage.isNull())
        return 0.0;
    return double(coveredSum())
        / (255.0 * double(m_coverage.width()) * double(m_coverage.height()));
}

void MaskDocument::setBrushDiameter(double diameter)
{
    diameter = std::clamp(diameter, 1.0, 2000.0);
    if (qFuzzyCompare(diameter, m_brushDiameter))
        return;
    m_brushDiameter = diameter;
    Q_EMIT brushChanged();
}

void MaskDocument::setBrushHardness(double hardness)
{
    hardness = std::clamp(hardness, 0.0, 1.0);
    if (qFuzzyCompare(1.0 + hardness, 1.0 + m_brushHardness))
        return;
    m_brushHardness = hardness;
    Q_EMIT brushChanged();
}

void MaskDocument::beginStroke(const QPointF &position, Mode mode)
{
    if (m_coverage.isNull())
        return;
    if (m_stroking)
        endStroke();
    m_stroking = true;
    m_strokeMode = mode;
    m_strokeBase = m_coverage.copy();
    if (m_strokeBuffer.size() != m_coverage.size())
        m_strokeBuffer = QImage(m_coverage.size(), QImage::Format_Alpha8);
    m_strokeBuffer.fill(0);
    m_strokeRect = QRect();
    m_lastPoint = position;
    paintSegment(position, position);
}

void MaskDocument::strokeTo(const QPointF &position)
{
    if (!m_stroking)
        return;
    paintSegment(m_lastPoint, position);
    m_lastPoint = position;
}

void MaskDocument::endStroke()
{
    if (!m_stroking)
        return;
    m_stroking = false;
    if (!m_strokeRect.isEmpty()) {
        record(m_strokeMode == Mode::Add ? tr("Brush stroke") : tr("Eraser stroke"), m_strokeRect,
               m_strokeBase.copy(m_strokeRect));
    }
    m_strokeBase = QImage();
}

void MaskDocument::paintSegment(const QPointF &from, const QPointF &to)
{
    const double radius = m_brushDiameter / 2.0;
    const QRect bounds = QRectF(from, to)
                             .normalized()
                             .adjusted(-radius - 1, -radius - 1, radius + 1, radius + 1)
                             .toAlignedRect()
                             .intersected(m_coverage.rect());
    if (bounds.isEmpty())
        return;
    const double dx = to.x() - from.x();
    const double dy = to.y() - from.y();
    const double lengthSquared = dx * dx + dy * dy;
    const bool add = m_strokeMode == Mode::Add;
    for (int y = bounds.top(); y <= bounds.bottom(); ++y) {
        uchar *stroke = m_strokeBuffer.scanLine(y);
        const uchar *base = m_strokeBase.constScanLine(y);
        uchar *out = m_coverage.scanLine(y);
        const double py = y + 0.5;
        for (int x = bounds.left(); x <= bounds.right(); ++x) {
            const double px = x + 0.5;
            // Distance from the pixel centre to the segment.
            double t = 0.0;
            if (lengthSquared > 0.0)
                t = std::clamp(((px - from.x()) * dx + (py - from.y()) * dy) / lengthSquared, 0.0,
                               1.0);
            const double ex = px - (from.x() + t * dx);
            const double ey = py - (from.y() + t * dy);
            const double distance = std::sqrt(ex * ex + ey * ey);
            if (distance > radius + 0.5)
                continue;
            const int value = int(brushFalloff(distance, radius, m_brushHardness) * 255.0 + 0.5);
            if (value <= stroke[x])
                continue;
            stroke[x] = uchar(value);
            out[x] = add ? std::max(base[x], uchar(value)) : std::min(base[x], uchar(255 - value));
        }
    }
    m_strokeRect |= bounds;
    Q_EMIT changed(bounds);
}

void MaskDocument::applyShape(const QRect &bounds, const QImage &shape, Mode mode,
                              const QString &text)
{
    const QImage before = m_coverage.copy(bounds);
    for (int y = 0; y < bounds.height(); ++y) {
        const uchar *in = shape.constScanLine(y);
        uchar *out = m_coverage.scanLine(bounds.top() + y) + bounds.left();
        for (int x = 0; x < bounds.width(); ++x) {
            out[x] = mode == Mode::Add ? std::max(out[x], in[x])
                                       : std::min(out[x], uchar(255 - in[x]));
        }
    }
    Q_EMIT changed(bounds);
    record(text, bounds, before);
}

void MaskDocument::fillRectangle(const QRectF &rect, Mode mode)
{
    QPainterPath path;
    path.addRect(rect.normalized());
    fillPolygon(path.toFillPolygon(), mode);
}

void MaskDocument::fillEllipse(const QRectF &rect, Mode mode)
{
    QPainterPath path;
    path.addEllipse(rect.normalized());
    fillPolygon(path.toFillPolygon(), mode);
}

void MaskDocument::fillPolygon(const QPolygonF &polygon, Mode mode)
{
    if (m_coverage.isNull() || polygon.size() < 3)
        return;
    const QRect bounds = polygon.boundingRect()
                             .toAlignedRect()
                             .adjusted(-1, -1, 1, 1)
                             .intersected(m_coverage.rect());
    if (bounds.isEmpty())
        return;
    QImage shape(bounds.size(), QImage::Format_Alpha8);
    shape.fill(0);
    {
        QPainter painter(&shape);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.translate(-bounds.topLeft());
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawPolygon(polygon, Qt::WindingFill);
    }
    applyShape(bounds, shape, mode, mode == Mode::Add ? tr("Add shape") : tr("Subtract shape"));
}

void MaskDocument::fillAll()
{
    if (m_coverage.isNull())
        return;
    const QImage before = m_coverage.copy();
    m_coverage.fill(255);
    Q_EMIT changed(m_coverage.rect());
    record(tr("Fill all"), m_coverage.rect(), before);
}

void MaskDocument::clear()
{
    if (m_coverage.isNull())
        return;
    const QImage before = m_coverage.copy();
    m_coverage.fill(0);
    Q_EMIT changed(m_coverage.rect());
    record(tr("Clear mask"), m_coverage.rect(), before);
}

void MaskDocument::invert()
{
    if (m_coverage.isNull())
        return;
    const QImage before = m_coverage.copy();
    for (int y = 0; y < m_coverage.height(); ++y) {
        uchar *row = m_coverage.scanLine(y);
        for (int x = 0; x < m_coverage.width(); ++x)
            row[x] = uchar(255 - row[x]);
    }
    Q_EMIT changed(m_coverage.rect());
    record(tr("Invert mask"), m_coverage.rect(), before);
}

void MaskDocument::feather(int grow, int blur)
{
    if (m_coverage.isNull() || (grow == 0 && blur <= 0))
        return;
    const QImage before = m_coverage.copy();
    growCoverage(m_coverage, grow);
    blurCoverage(m_coverage, blur);
    Q_EMIT changed(m_coverage.rect());
    record(grow > 0       ? tr("Grow and feather")
               : grow < 0 ? tr("Shrink and feather")
                          : tr("Feather"),
           m_coverage.rect(), before);
}

Result<QString> MaskDocument::importMask(const QImage &image)
{
    if (image.isNull())
        return failure(tr("The mask file could not be read as an image; choose a PNG with "
                          "transparency or a black-and-white image."));
    if (m_coverage.isNull())
        return failure(tr("Open an image to edit before importing a mask for it."));
    QImage source = image;
    QString note;
    if (source.size() != m_coverage.size()) {
        note = tr("The mask was %1x%2 and was scaled to the image's %3x%4.")
                   .arg(source.width())
                   .arg(source.height())
                   .arg(m_coverage.width())
                   .arg(m_coverage.height());
        source = source.scaled(m_coverage.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    source = source.convertToFormat(QImage::Format_ARGB32);
    bool transparent = false;
    for (int y = 0; y < source.height() && !transparent; ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(source.constScanLine(y));
        transparent
            = std::any_of(row, row + source.width(), [](QRgb p) { return qAlpha(p) < 255; });
    }
    const QImage before = m_coverage.copy();
    for (int y = 0; y < source.height(); ++y) {
        const auto *in = reinterpret_cast<const QRgb *>(source.constScanLine(y));
        uchar *out = m_coverage.scanLine(y);
        for (int x = 0; x < source.width(); ++x)
            out[x] = uchar(255 - (transparent ? qAlpha(in[x]) : qGray(in[x])));
    }
    Q_EMIT changed(m_coverage.rect());
    record(tr("Import mask"), m_coverage.rect(), before);
    return note;
}

QImage MaskDocument::apiMask() const
{
    QImage mask(m_coverage.size(), QImage::Format_ARGB32);
    for (int y = 0; y < mask.height(); ++y) {
        const uchar *in = m_coverage.constScanLine(y);
        auto *out = reinterpret_cast<QRgb *>(mask.scanLine(y));
        for (int x = 0; x < mask.width(); ++x)
            out[x] = qRgba(0, 0, 0, 255 - in[x]);
    }
    return mask;
}

void MaskDocument::setHistoryLimit(qint64 bytes)
{
    m_historyLimit = std::max<qint64>(bytes, 1);
    trimHistory();
}

void MaskDocument::restorePixels(const QRect &rect, const QByteArray &compressed)
{
    const QByteArray raw = qUncompress(compressed);
    if (raw.size() != qsizetype(rect.width()) * rect.height() || !m_coverage.rect().contains(rect))
        return; // cannot happen for commands made by this document
    const char *in = raw.constData();
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        memcpy(m_coverage.scanLine(y) + rect.left(), in, size_t(rect.width()));
        in += rect.width();
    }
}

void MaskDocument::announceChange(const QRect &rect)
{
    if (!rect.isEmpty())
        Q_EMIT changed(rect);
}

void MaskDocument::record(const QString &text, const QRect &rect, const QImage &before)
{
    constexpr int TileEdge = 64;
    QList<MaskTile> tiles;
    for (int top = 0; top < rect.height(); top += TileEdge) {
        for (int left = 0; left < rect.width(); left += TileEdge) {
            const QRect local(left, top, std::min(TileEdge, rect.width() - left),
                              std::min(TileEdge, rect.height() - top));
            const QRect tile = local.translated(rect.topLeft());
            bool same = true;
            for (int y = 0; y < local.height() && same; ++y) {
                same = memcmp(before.constScanLine(local.top() + y) + local.left(),
                              m_coverage.constScanLine(tile.top() + y) + tile.left(),
                              size_t(local.width()))
                    == 0;
            }
            if (!same)
                tiles.append({tile, packPixels(before, local), packPixels(m_coverage, tile)});
        }
    }
    if (tiles.isEmpty())
        return; // nothing changed: no undo step
    m_undo.push(new MaskEditCommand(this, text, tiles));
    trimHistory();
}

void MaskDocument::trimHistory()
{
    if (m_historyBytes <= m_historyLimit || m_undo.count() <= 1 || m_undo.index() != m_undo.count())
        return;
    // QUndoStack cannot drop its oldest commands, so the newest ones that fit are moved into a
    // fresh history (the pixels are already on the document; nothing is applied again).
    QList<MaskEditCommand *> keep;
    qint64 kept = 0;
    for (int i = m_undo.count() - 1; i >= 0; --i) {
        const auto *command = static_cast<const MaskEditCommand *>(m_undo.command(i));
        if (!keep.isEmpty() && kept + command->bytes() > m_historyLimit)
            break;
        kept += command->bytes();
        keep.prepend(command->clone());
    }
    m_undo.clear();
    for (MaskEditCommand *command : std::as_const(keep))
        m_undo.push(command);
}

} // namespace Atelier
