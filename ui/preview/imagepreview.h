#pragma once

#include <QImage>
#include <QWidget>

namespace Atelier {

// Shows one image as large as fits, aspect kept, over a checkerboard where it is transparent,
// with a caption ("Partial 2 of 3", "Final"). Streamed partials replace each other here as they
// arrive.
class ImagePreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagePreview)

public:
    explicit ImagePreview(QWidget *parent = nullptr);

    void setImage(const QImage &image, const QString &caption);
    void clear(const QString &message = {});
    const QImage &image() const { return m_image; }
    QString caption() const { return m_caption; }

    QSize sizeHint() const override { return {640, 480}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QRect imageRect() const;
    void rescale();

    QImage m_image;
    QImage m_scaled; // cached at the widget's size: painting only blits
    QString m_caption;
    QString m_message;
};

} // namespace Atelier
