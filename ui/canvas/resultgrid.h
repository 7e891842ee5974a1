#pragma once

#include <QImage>
#include <QList>
#include <QSize>
#include <QWidget>

namespace Atelier {

// One image of a set in the canvas grid: what arrived last (a partial, then the final), fitted
// to the cell with its aspect kept on the dark ground, or where it stands while nothing has, or
// in a word why it failed. The focused cell has a frame in the highlight colour.
class ResultCell final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultCell)

public:
    // What arrived for the cell, in order: its partials, then its final.
    struct Frame
    {
        QImage image;
        QImage preview; // a smaller copy made off the GUI thread (may be null)
        QImage thumbnail;
        QString caption; // "Partial 1", "Final"
        bool partial = false;
        QString savedPath; // the final's library file (empty: a partial, or not saved)
    };

    ResultCell(int index, int count, QWidget *parent = nullptr);

    int index() const { return m_index; }
    // `show`: the cell shows it at once (else it waits in frames()).
    void addFrame(const Frame &frame, bool show = true);
    // Shows frame `index` of frames() (a chip picked in the filmstrip); the newest by default.
    void showFrame(int index);
    const QList<Frame> &frames() const { return m_frames; }
    int shownFrame() const { return m_shown; }
    // The final's library file, once it arrived and was saved (else empty).
    QString savedPath() const;
    // The image shown in the cell (null while none arrived).
    QImage image() const;

    // Where the cell's job stands while nothing arrived, or beside the partial shown: "Waiting",
    // "Sending…", "Receiving · 120 KB". `progress` in [0, 1] draws a thin bar (negative: none).
    void setStatus(const QString &status, double progress = -1.0);
    QString status() const { return m_status; }
    // The job failed: `word` is painted large ("Refused", "Cancelled"), `detail` is the tooltip.
    // The images that arrived stay.
    void setFailed(const QString &word, const QString &detail);
    bool isFailed() const { return !m_failure.isEmpty(); }
    QString failure() const { return m_failure; }

    void setFocused(bool focused);
    bool isFocused() const { return m_focused; }
    // Where the image is drawn inside the cell (empty while none is).
    QRect imageRect() const;

Q_SIGNALS:
    void clicked(int index);
    void activated(int index);
    void contextMenuAsked(int index, const QPoint &globalPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void rescale();
    void describe();

    int m_index;
    int m_count;
    QList<Frame> m_frames;
    int m_shown = -1;
    QImage m_scaled;
    QString m_status;
    double m_progress = -1.0;
    QString m_failure;
    bool m_focused = false;
};

// The images of one Generate side by side (2 x 2 for four, two in a row, ...; the shape that
// shows them largest in the room there is), each cell streaming its own partials. Click a cell
// to focus it; the arrow keys move the focus; double-click or Enter activates it.
class ResultGrid final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultGrid)

public:
    explicit ResultGrid(QWidget *parent = nullptr);

    // Columns x rows for `count` images of aspect `aspect` (width / height) in `area`: the shape
    // that shows each image largest; on a near tie (2 %), the one with more columns.
    static QSize shapeFor(int count, const QSizeF &area, double aspect = 1.0);

    // Drops the cells and makes `count` empty ones; the first is focused.
    void reset(int count);
    // Adds `count` more cells at the end (a set's jobs are added one after another).
    void grow(int count);
    int count() const { return int(m_cells.size()); }
    ResultCell *cell(int index) const { return m_cells.value(index); }
    QSize shape() const { return m_shape; }

    int focusedIndex() const { return m_focused; }
    ResultCell *focusedCell() const { return cell(m_focused); }
    void focusCell(int index);
    // The aspect of the images (width / height) the shape is chosen for.
    void setAspect(double aspect);

    QSize sizeHint() const override { return {640, 480}; }

Q_SIGNALS:
    // The focus moved to another cell (or the cells were made anew).
    void focusChanged(int index);
    void activated(int index);
    void contextMenuAsked(int index, const QPoint &globalPos);
    // The cells were placed anew (resized, added).
    void arranged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void arrange();

    QList<ResultCell *> m_cells;
    int m_focused = -1;
    double m_aspect = 1.0;
    QSize m_shape;
};

} // namespace Atelier
