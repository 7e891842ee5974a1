#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace Atelier {

class ImagePreview;
class LibraryModel;

// One library image large, on a neutral dark ground over the whole window: Left/Right, Home and
// End browse the model's rows; the wheel, + and - zoom, 0 fits, 1 shows 100 %; F makes it a
// favourite or not, Delete moves it to the trash (asking, as the gallery does), Ctrl+C copies
// it; Esc closes. The caption says the prompt and the model.
class ImageViewer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageViewer)

public:
    // Covers its parent (the window it is opened over); without one it is a window of its own.
    explicit ImageViewer(LibraryModel *model, QWidget *parent = nullptr);

    // Shows the image at `row` and takes the keyboard.
    void open(int row);
    // Closes and emits closed() with the row it ended on.
    void finish();
    // The row shown, -1 when there is none.
    int row() const { return m_row; }
    qint64 imageId() const { return m_id; }
    ImagePreview *preview() const { return m_preview; }
    QString caption() const;

Q_SIGNALS:
    // Another image is shown (browsing, or after a delete).
    void currentChanged(int row);
    // Esc: the viewer closed on `row` (-1: the library has no image left to show).
    void closed(int row);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showRow(int row);
    void modelReset();
    void showCaption();
    void showZoom(double scale);
    void toggleFavourite();
    void removeShown();
    void copyShown();
    static bool handles(const QKeyEvent *event);

    LibraryModel *m_model;
    ImagePreview *m_preview = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_position = nullptr;
    QLabel *m_zoom = nullptr;
    QToolButton *m_favourite = nullptr;
    int m_row = -1;
    qint64 m_id = -1;
    QString m_fullCaption;
};

} // namespace Atelier
