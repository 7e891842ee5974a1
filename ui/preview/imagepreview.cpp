#include "imagepreview.h"

#include "checkerboard.h"

#include "imaging/imagefile.h"
#include "imaging/svgimage.h"
#include "theme/theme.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QMovie>
#include <QPaintEvent>
#include <QPainter>
#include <QSvgRenderer>
#include <QWheelEvent>

namespace Atelier {

ImagePreview::ImagePreview(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Preview"));
    setFocusPolicy(Qt::WheelFocus);
    m_message = tr("Images appear here as they arrive.");
    describe();
}

void ImagePreview::describe()
{
    const QString keys
        = tr("Wheel: zoom · F: fit · 1: 100 % · double-click: fit / 100 % · drag: pan");
    setToolTip(hasOriginal()
                   ? tr("%1\nHold \\ to see the original · Compare: drag the line between the "
                        "original (left) and the result (right)")
                         .arg(keys)
                   : keys);
}

void ImagePreview::dropOriginal()
{
    ++m_originalLoads;
    m_showingOriginal = false;
    m_draggingWipe = false;
    if (m_original.isNull())
        return;
    m_original = QImage();
    m_originalScaled = QImage();
    describe();
    unsetCursor();
    Q_EMIT originalChanged(false);
    if (m_comparing)
        Q_EMIT comparingChanged(false);
    update();
}

void ImagePreview::setOriginal(const QImage &original)
{
    ++m_originalLoads;
    const bool had = hasOriginal();
    m_original = original;
    rescale();
    describe();
    update();
    if (had != hasOriginal())
        Q_EMIT originalChanged(hasOriginal());
    if (m_comparing && had != hasOriginal())
        Q_EMIT comparingChanged(isComparing());
}

void ImagePreview::setOriginalFile(const QString &path)
{
    const quint64 load = ++m_originalLoads;
    QThreadPool::globalInstance()->start([preview = QPointer<ImagePreview>(this), load, path] {
        const QImage original = ImageFile::read(path).valueOr(QImage());
        QMetaObject::invokeMethod(
            qApp,
            [preview, load, original] {
                // Another image (or original) was shown meanwhile: this one is not its.
                if (!preview || load != preview->m_originalLoads || original.isNull())
                    return;
                preview->setOriginal(original);
                preview->m_originalLoads = load;
            },
            Qt::QueuedConnection);
    });
}

void ImagePreview::setShowingOriginal(bool showing)
{
    if (showing == m_showingOriginal)
        return;
    m_showingOriginal = showing;
    update();
}

void ImagePreview::setComparing(bool comparing)
{
    if (comparing == m_comparing)
        return;
    const bool was = isComparing();
    m_comparing = comparing;
    setMouseTracking(comparing);
    if (!comparing)
        unsetCursor();
    update();
    if (was != isComparing())
        Q_EMIT comparingChanged(isComparing());
}

void ImagePreview::setWipePosition(double position)
{
    m_wipe = std::clamp(position, 0.0, 1.0);
    update();
}

ImagePreview::~ImagePreview() = default;

void ImagePreview::dropDocument()
{
    if (m_movie) {
        m_movie->stop();
        delete m_movie;
        m_movie = nullptr;
    }
    m_svg.reset();
    m_documentBuffer.close();
    m_documentBytes.clear();
}

bool ImagePreview::setDocument(const QByteArray &bytes, const QString &caption)
{
    dropOriginal();
    if (SvgImage::looksLikeSvg(bytes)) {
        auto renderer = std::make_unique<QSvgRenderer>(bytes);
        const QSize size = renderer->defaultSize();
        if (!renderer->isValid() || size.isEmpty())
            return false;
        dropDocument();
        assign(SvgImage::render(bytes, size), caption, QImage());
        renderer->setAspectRatioMode(Qt::KeepAspectRatio);
        m_svg = std::move(renderer);
        return true;
    }
    if (!bytes.startsWith("GIF8"))
        return false;
    dropDocument();
    m_documentBytes = bytes;
    m_documentBuffer.setBuffer(&m_documentBytes);
    m_documentBuffer.open(QIODevice::ReadOnly);
    auto *movie = new QMovie(&m_documentBuffer, "gif", this);
    if (!movie->isValid()) {
        delete movie;
        dropDocument();
        return false;
    }
    movie->setCacheMode(QMovie::CacheAll);
    movie->jumpToFrame(0);
    assign(movie->currentImage(), caption, QImage());
    m_movie = movie;
    connect(movie, &QMovie::frameChanged, this, [this] {
        m_image = m_movie->currentImage();
        m_display = m_image;
        rescale();
        update();
    });
    if (movie->frameCount() != 1)
        movie->start();
    return true;
}

bool ImagePreview::isPaused() const
{
    return m_movie && m_movie->state() != QMovie::Running;
}

void ImagePreview::setPaused(bool paused)
{
    if (!m_movie)
        return;
    if (m_movie->state() == QMovie::NotRunning)
        m_movie->start();
    m_movie->setPaused(paused);
    update();
}

int ImagePreview::frameCount() const
{
    return m_movie ? m_movie->frameCount() : (m_image.isNull() ? 0 : 1);
}

QString ImagePreview::shownCaption() const
{
    if (!m_movie || m_caption.isEmpty())
        return m_caption;
    const int frames = m_movie->frameCount();
    const QString frame = frames > 0
        ? tr("frame %1 of %2").arg(m_movie->currentFrameNumber() + 1).arg(frames)
        : tr("frame %1").arg(m_movie->currentFrameNumber() + 1);
    return isPaused() ? tr("%1 · %2 · paused (Space plays)").arg(m_caption, frame)
                      : tr("%1 · %2").arg(m_caption, frame);
}

void ImagePreview::setImage(const QImage &image, const QString &caption, const QImage &display)
{
    dropDocument();
    dropOriginal();
    assign(image, caption, display);
}

void ImagePreview::assign(const QImage &image, const QString &caption, const QImage &display)
{
    synced().setImageSize(image.size()); // another size fits again
    m_image = image;
    m_display = display.isNull() ? image : display;
    m_caption = caption;
    m_message.clear();
    rescale();
    viewMoved();
}

void ImagePreview::clear(const QString &message)
{
    dropDocument();
    dropOriginal();
    m_image = QImage();
    m_display = QImage();
    m_scaled = QImage();
    synced().setImageSize(QSize());
    ++m_fileLoads; // a file still being read is not shown over the message
    m_caption.clear();
    m_message = message;
    update();
}

ZoomPan &ImagePreview::synced() const
{
    if (m_view.viewSize() != size())
        m_view.setViewSize(size());
    return m_view;
}

void ImagePreview::setZoom(double zoom, const QPointF &anchor)
{
    if (m_image.isNull())
        return;
    synced().setZoom(zoom, anchor.isNull() ? QRectF(rect()).center() : anchor);
    viewMoved();
}

void ImagePreview::zoomBy(double steps)
{
    if (m_image.isNull())
        return;
    synced().zoomBy(steps);
    viewMoved();
}

void ImagePreview::viewMoved()
{
    update();
    const double scale = synced().scale();
    if (scale != m_shownScale) {
        m_shownScale = scale;
        Q_EMIT zoomChanged(scale);
    }
}

void ImagePreview::showFile(const QString &path, const QString &caption)
{
    const quint64 load = ++m_fileLoads;
    dropOriginal();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"gif" || suffix == u"svg") {
        QFile file(path);
        constexpr qint64 MaxDocument = 64 * 1024 * 1024;
        if (file.open(QIODevice::ReadOnly) && file.size() <= MaxDocument
            && setDocument(file.readAll(), caption)) {
            Q_EMIT fileShown(path);
            return;
        }
    }
    // A big PNG takes tens of milliseconds to read: off the GUI thread, with a copy fitted to
    // the view made there too.
    QThreadPool::globalInstance()->start(
        [preview = QPointer<ImagePreview>(this), load, path, caption, box = size()] {
            const Result<QImage> read = ImageFile::read(path);
            const QImage image = read.valueOr(QImage());
            const QString error = read.error();
            const QImage display = image.isNull() ? QImage() : ImageFile::fitted(image, box);
            QMetaObject::invokeMethod(
                qApp,
                [preview, load, path, caption, image, display, error] {
                    if (!preview || load != preview->m_fileLoads)
                        return;
                    if (image.isNull()) {
                        Q_EMIT preview->fileFailed(path, error);
                        return;
                    }
                    // An original asked for after showFile() stays.
                    const QImage original = preview->m_original;
                    const quint64 originalLoad = preview->m_originalLoads;
                    preview->setImage(image, caption, display);
                    preview->m_originalLoads = originalLoad;
                    if (!original.isNull())
                        preview->setOriginal(original);
                    preview->m_originalLoads = originalLoad;
                    Q_EMIT preview->fileShown(path);
                },
                Qt::QueuedConnection);
        });
}

void ImagePreview::wheelEvent(QWheelEvent *event)
{
    if (m_image.isNull())
        return;
    synced().zoomBy(event->angleDelta().y() / 120.0, event->position());
    viewMoved();
    event->accept();
}

void ImagePreview::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_F)
        fit();
    else if (event->key() == Qt::Key_1)
        setZoom(1.0);
    else if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal)
        zoomBy(1);
    else if (event->key() == Qt::Key_Minus)
        zoomBy(-1);
    else if (event->key() == Qt::Key_Space && m_movie)
        setPaused(!isPaused());
    else if (event->key() == Qt::Key_Backslash && hasOriginal()) {
        if (!event->isAutoRepeat())
            setShowingOriginal(true);
    } else
        QWidget::keyPressEvent(event);
}

void ImagePreview::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Backslash && !event->isAutoRepeat())
        setShowingOriginal(false);
    else
        QWidget::keyReleaseEvent(event);
}

void ImagePreview::focusOutEvent(QFocusEvent *event)
{
    setShowingOriginal(false); // the release would go elsewhere
    QWidget::focusOutEvent(event);
}

namespace {

constexpr int WipeGrip = 12; // how near the line a press takes it

} // namespace

void ImagePreview::mousePressEvent(QMouseEvent *event)
{
    m_dragFrom = event->position().toPoint();
    m_draggingWipe = isComparing() && event->button() == Qt::LeftButton
        && std::abs(m_dragFrom.x() - wipeX()) <= WipeGrip;
    setFocus();
}

void ImagePreview::mouseReleaseEvent(QMouseEvent *event)
{
    m_draggingWipe = false;
    QWidget::mouseReleaseEvent(event);
}

void ImagePreview::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint now = event->position().toPoint();
    if (isComparing()) {
        if (m_draggingWipe && (event->buttons() & Qt::LeftButton)) {
            setWipePosition(width() > 0 ? double(now.x()) / width() : 0.5);
            return;
        }
        if (std::abs(now.x() - wipeX()) <= WipeGrip)
            setCursor(Qt::SplitHCursor);
        else
            unsetCursor();
    }
    if (!(event->buttons() & (Qt::LeftButton | Qt::MiddleButton)) || m_image.isNull())
        return;
    synced().panBy(QPointF(now - m_dragFrom)); // from fit: pans from what is shown
    m_dragFrom = now;
    viewMoved();
}

void ImagePreview::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (isComparing() && std::abs(event->position().x() - wipeX()) <= WipeGrip)
        return; // a quick second grab of the line
    if (!synced().isFitting())
        fit();
    else
        setZoom(1.0, event->position());
}

void ImagePreview::rescale()
{
    const QRect target = synced().fittedRect();
    m_originalScaled = target.isEmpty() || m_original.isNull()
        ? QImage()
        : m_original.scaled(target.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (target.isEmpty())
        m_scaled = QImage();
    else if (m_display.size() == target.size())
        m_scaled = m_display; // made at this size off the GUI thread
    else
        m_scaled = m_display.scaled(target.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

void ImagePreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    synced(); // the new size
    rescale();
    viewMoved();
    Q_EMIT viewSizeChanged(size());
}

void ImagePreview::paintPicture(QPainter &painter, const QImage &full, const QImage &scaled,
                                const QRect &target, const QRect &clip) const
{
    if (clip.isEmpty() || full.isNull())
        return;
    painter.save();
    painter.setClipRect(clip);
    if (full.hasAlphaChannel())
        painter.fillRect(target.intersected(clip), checkerboard());
    const ZoomPan &view = synced();
    const double zoom = view.zoom();
    if (zoom > 0) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, zoom < 1.0);
        const QRectF visible = QRectF(clip).intersected(target);
        const QRectF source(view.toImage(visible.topLeft()), visible.size() / zoom);
        // An original of another size covers the image's place.
        const double sx = double(full.width()) / std::max(1, m_image.width());
        const double sy = double(full.height()) / std::max(1, m_image.height());
        painter.drawImage(
            visible, full,
            QRectF(source.x() * sx, source.y() * sy, source.width() * sx, source.height() * sy));
    } else if (!scaled.isNull()) {
        painter.drawImage(target.topLeft(), scaled);
    }
    painter.restore();
}

void ImagePreview::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    // Images are judged on a neutral dark ground, whatever the theme.
    painter.fillRect(event->rect(), Theme::imageGround());
    if (m_image.isNull()) {
        painter.setPen(Theme::imageGroundText());
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const ZoomPan &view = synced();
    const double zoom = view.zoom();
    const QRect target = view.isFitting() ? view.fittedRect() : view.imageRect().toAlignedRect();
    if (!m_svg && hasOriginal() && (isShowingOriginal() || isComparing())) {
        const int line = isShowingOriginal() ? width() : wipeX();
        const QRect left = event->rect().intersected(QRect(0, 0, line, height()));
        const QRect right = event->rect().intersected(QRect(line, 0, width() - line, height()));
        paintPicture(painter, m_original, m_originalScaled, target, left);
        paintPicture(painter, m_image, m_scaled, target, right);
        const QString badgeText
            = isShowingOriginal() ? tr("Original (release \\ for the result)") : QString();
        if (isComparing() && !isShowingOriginal()) {
            // The line with a grip in the middle, and what each side is.
            painter.fillRect(QRect(line - 1, 0, 2, height()), Qt::white);
            const QRect grip(line - 5, height() / 2 - 18, 10, 36);
            painter.setPen(QColor(0, 0, 0, 160));
            painter.setBrush(Qt::white);
            painter.drawRoundedRect(grip, 4, 4);
            const QFontMetrics metrics = painter.fontMetrics();
            const auto label = [&](const QString &text, bool atLeft) {
                const QRect box = metrics.boundingRect(text).adjusted(-6, -3, 6, 3);
                const QPoint at(atLeft ? line - box.width() - 8 : line + 8,
                                height() - box.height() - 8);
                const QRect placed = box.translated(at - box.topLeft());
                painter.fillRect(placed, QColor(0, 0, 0, 160));
                painter.setPen(Qt::white);
                painter.drawText(placed, Qt::AlignCenter, text);
            };
            label(tr("Original"), true);
            label(tr("Result"), false);
        }
        if (!badgeText.isEmpty()) {
            const QRect badge
                = painter.fontMetrics().boundingRect(badgeText).adjusted(-6, -3, 6, 3);
            const QRect placed = badge.translated(QPoint(8, 8) - badge.topLeft()
                                                  + (zoom > 0 ? QPoint() : target.topLeft()));
            painter.fillRect(placed, QColor(0, 0, 0, 160));
            painter.setPen(Qt::white);
            painter.drawText(placed, Qt::AlignCenter, badgeText);
        }
        return;
    }
    if (m_image.hasAlphaChannel()) {
        // A checkerboard shows what is transparent.
        painter.fillRect(target.intersected(event->rect()), checkerboard());
    }
    if (m_svg) {
        // Vectors: drawn at the size shown, sharp at any zoom.
        painter.save();
        painter.setClipRect(event->rect());
        m_svg->render(&painter, QRectF(target));
        painter.restore();
    } else if (zoom > 0) {
        // Only what is visible, straight from the full image.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, zoom < 1.0);
        const QRectF visible = QRectF(event->rect()).intersected(target);
        const QRectF source(view.toImage(visible.topLeft()), visible.size() / zoom);
        painter.drawImage(visible, m_image, source);
    } else {
        painter.drawImage(target.topLeft(), m_scaled);
    }
    // The caption is shortened to fit over the image (or the view when zoomed), the zoom kept.
    const QFontMetrics metrics = painter.fontMetrics();
    const int room = (zoom > 0 ? width() : target.width()) - 16 - 12;
    const int percent = qRound(zoom * 100);
    const int suffix
        = zoom > 0 ? metrics.horizontalAdvance(tr("%1 · %2 %").arg(QString()).arg(percent)) : 0;
    const QString fullCaption = shownCaption();
    const QString caption
        = metrics.elidedText(fullCaption, Qt::ElideRight, std::max(room - suffix, 0));
    const QString badgeText = fullCaption.isEmpty() ? QString()
        : zoom > 0                                  ? tr("%1 · %2 %").arg(caption).arg(percent)
                                                    : caption;
    if (!badgeText.isEmpty()) {
        const QRect badge = painter.fontMetrics().boundingRect(badgeText).adjusted(-6, -3, 6, 3);
        const QRect placed = badge.translated(QPoint(8, 8) - badge.topLeft()
                                              + (zoom > 0 ? QPoint() : target.topLeft()));
        painter.fillRect(placed, QColor(0, 0, 0, 160));
        painter.setPen(Qt::white);
        painter.drawText(placed, Qt::AlignCenter, badgeText);
    }
}

} // namespace Atelier
