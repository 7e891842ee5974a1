#include "compose/composepanel.h"
#include "compose/referencetray.h"
#include "fakeimagesserver.h"
#include "gallery/gallerypanel.h"
#include "library/contentfiles.h"
#include "mainwindow.h"
#include "maskpainter/maskcanvas.h"
#include "maskpainter/maskpainter.h"
#include "model/parameters.h"
#include "notices/messagebar.h"
#include "params/parameterpanel.h"
#include "prompt/prompteditor.h"
#include "studio/studiosession.h"
#include "studiowindow.h"
#include "testsettings.h"
#include "widgetdrag.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

// The compose panel's reference tray in a studio window: what comes in by drop and paste, what
// order goes out, what is shown, and how "Edit" starts a fresh set.
class TestReferenceTray : public QObject, public AtelierTest::StudioWindowFixture
{
    Q_OBJECT

public:
    // A one-colour PNG `name` of `size` in `dir`; empty when it cannot be written.
    static QString solidImage(const QTemporaryDir &dir, const QString &name, QSize size,
                              QColor color = Qt::darkGreen)
    {
        QImage image(size, QImage::Format_RGB32);
        image.fill(color);
        const QString path = dir.filePath(name);
        return image.save(path) ? path : QString();
    }

    ReferenceTray *tray() const { return m_window->compose()->referenceTray(); }

    QStringList shownNames() const
    {
        QStringList names;
        for (int row = 0; row < tray()->count(); ++row)
            names.append(tray()->nameAt(row));
        return names;
    }

    // Drops `mime` on the tray as a file manager would: enter, move, drop.
    bool drop(QMimeData *mime) const
    {
        QWidget *target = tray()->viewport();
        const QPoint at = target->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        if (!enter.isAccepted())
            return false;
        QDragMoveEvent move(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &move);
        QDropEvent dropped(QPointF(at), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropped);
        return dropped.isAccepted();
    }

    // Clicks the button named `button` of the question "replaceReferences" once it is shown;
    // `asked` says whether it was.
    void answerReplaceQuestion(const QString &button, bool *asked)
    {
        // Ends with the window, so an unasked question does not wait into the next test.
        auto *timer = new QTimer(m_window.get());
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, m_window.get(), [timer, button, asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != u"replaceReferences")
                return;
            timer->deleteLater();
            *asked = true;
            auto *chosen = button == u"cancel"_s ? box->button(QMessageBox::Cancel)
                                                 : box->findChild<QAbstractButton *>(button);
            QVERIFY(chosen);
            chosen->click();
        });
        timer->start();
    }

private:
    std::unique_ptr<QTemporaryDir> m_files; // images from "outside", by a file manager

private Q_SLOTS:
    void initTestCase() { isolateStudio(); }

    void init()
    {
        m_files = std::make_unique<QTemporaryDir>();
        const Status started = startStudio();
        QVERIFY2(started, qPrintable(started.error()));
        QVERIFY(openWindow());
        QVERIFY(tray());
        QCOMPARE(tray()->objectName(), u"referenceTray"_s);
    }

    void cleanup()
    {
        closeStudio();
        m_files.reset();
    }

    void emptyTraySaysWhatToDo()
    {
        QCOMPARE(tray()->count(), 0);
        QVERIFY(!tray()->accessibleName().isEmpty());
        QVERIFY2(tray()->accessibleDescription().contains(u"Drop images here"_s),
                 qPrintable(tray()->accessibleDescription()));
        // The Add button still works: it asks for files (here: none chosen), the tray stays.
        QVERIFY(m_window->findChild<QPushButton *>(u"addReferences"_s));
    }

    void droppedFilesBecomeReferences_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<bool>("withFolder");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("one file") << QStringList {u"photo.png"_s} << false
                                  << QStringList {u"photo.png"_s};
        QTest::newRow("two files, in order")
            << QStringList {u"b-style.png"_s, u"a-photo.png"_s} << false
            << QStringList {u"b-style.png"_s, u"a-photo.png"_s};
        QTest::newRow("a folder among them is said, the file taken")
            << QStringList {u"photo.png"_s} << true << QStringList {u"photo.png"_s};
    }

    void droppedFilesBecomeReferences()
    {
        QFETCH(QStringList, names);
        QFETCH(bool, withFolder);
        QFETCH(QStringList, expected);
        QList<QUrl> urls;
        for (const QString &name : std::as_const(names))
            urls.append(QUrl::fromLocalFile(solidImage(*m_files, name, QSize(48, 32))));
        if (withFolder) {
            QVERIFY(QDir(m_files->path()).mkdir(u"holiday"_s));
            urls.append(QUrl::fromLocalFile(m_files->filePath(u"holiday"_s)));
        }
        QMimeData mime;
        mime.setUrls(urls);
        QVERIFY(drop(&mime));
        QCOMPARE(shownNames(), expected);
        QCOMPARE(m_window->parameterPanel()->endpoint(), Endpoint::Edits);
        QCOMPARE(m_window->compose()->request().images.size(), expected.size());
        if (withFolder)
            QVERIFY2(m_window->findChild<MessageBar *>()->currentMessage().contains(u"holiday"_s),
                     qPrintable(m_window->findChild<MessageBar *>()->currentMessage()));
        // Its tooltip names the file and, once read off the GUI thread, its pixel size.
        QTRY_VERIFY(tray()->thumbnailReady(0));
        const QString tip = tray()->item(0)->toolTip();
        QVERIFY2(tip.contains(QDir::toNativeSeparators(m_files->filePath(expected.first()))),
                 qPrintable(tip));
        QVERIFY2(tip.contains(u"48 × 32"_s), qPrintable(tip));
        QCOMPARE(tray()->pixelSizeAt(0), QSize(48, 32));
        QVERIFY(!tray()->item(0)->icon().isNull());
    }

    void dropOfNothingUsableIsRefused()
    {
        QMimeData mime;
        mime.setText(u"just words"_s);
        QVERIFY(!drop(&mime));
        QCOMPARE(tray()->count(), 0);
    }

    void pasteAddsFromTheClipboard_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("image") << u"image"_s;
        QTest::newRow("file URL") << u"url"_s;
        QTest::newRow("path as text") << u"text"_s;
    }

    void pasteAddsFromTheClipboard()
    {
        QFETCH(QString, kind);
        const QString first = solidImage(*m_files, u"first.png"_s, QSize(40, 40));
        const QString copied = solidImage(*m_files, u"copied.png"_s, QSize(30, 20), Qt::red);
        m_window->compose()->addReferences({first});
        auto *mime = new QMimeData; // the clipboard takes it
        if (kind == u"image")
            mime->setImageData(QImage(copied));
        else if (kind == u"url")
            mime->setUrls({QUrl::fromLocalFile(copied)});
        else
            mime->setText(copied);
        QGuiApplication::clipboard()->setMimeData(mime);
        tray()->setFocus();
        QTest::keySequence(tray(), QKeySequence::Paste);
        QCOMPARE(tray()->count(), 2);
        QCOMPARE(tray()->pathAt(0), first); // pasting adds behind, the first stays first
        const QString added = tray()->pathAt(1);
        if (kind == u"image") {
            QVERIFY2(added.contains(u".pasted"_s), qPrintable(added));
            QCOMPARE(QImage(added).size(), QSize(30, 20));
        } else {
            QCOMPARE(added, copied);
            QCOMPARE(tray()->nameAt(1), u"copied.png"_s);
        }
        QCOMPARE(m_window->compose()->request().images, (QStringList {first, added}));
    }

    void pasteWithNothingToPasteSaysSo()
    {
        auto *mime = new QMimeData;
        mime->setText(u"not a file"_s);
        QGuiApplication::clipboard()->setMimeData(mime);
        tray()->setFocus();
        QTest::keySequence(tray(), QKeySequence::Paste);
        QCOMPARE(tray()->count(), 0);
        QVERIFY2(m_window->findChild<MessageBar *>()->currentMessage().contains(u"no image"_s),
                 qPrintable(m_window->findChild<MessageBar *>()->currentMessage()));
    }

    void reorderingChangesTheImageSentFirst()
    {
        // Sizes the model offers as they are: the Size becomes each in turn.
        const QString wide = solidImage(*m_files, u"wide.png"_s, QSize(1536, 1024));
        const QString tall = solidImage(*m_files, u"tall.png"_s, QSize(1024, 1536));
        ImageRequest asked;
        asked.endpoint = Endpoint::Edits;
        asked.model = u"gpt-image-2.6-flare"_s;
        m_window->parameterPanel()->applyRequest(asked);
        QVERIFY(m_window->openForEdit(wide));
        m_window->compose()->addReferences({tall});
        QCOMPARE(m_window->compose()->request().images, (QStringList {wide, tall}));
        const QJsonValue wideSize = m_window->compose()->request().option(Param::Size);
        // Ctrl+Left on the second moves it to the front: it is the image to edit now, and the
        // size and the painter (nothing was painted) follow it.
        tray()->setCurrentRow(1);
        QTest::keyClick(tray(), Qt::Key_Left, Qt::ControlModifier);
        QCOMPARE(m_window->compose()->request().images, (QStringList {tall, wide}));
        QCOMPARE(tray()->currentRow(), 0);
        QCOMPARE(m_window->maskPainter()->imagePath(), tall);
        QCOMPARE(wideSize.toString(), u"1536x1024"_s);
        QCOMPARE(m_window->compose()->request().option(Param::Size).toString(), u"1024x1536"_s);
        QVERIFY2(m_window->findChild<MessageBar *>()->currentMessage().contains(u"Size follows"_s),
                 qPrintable(m_window->findChild<MessageBar *>()->currentMessage()));
        QVERIFY(tray()->item(0)->data(Qt::AccessibleTextRole).toString().contains(u"tall.png"_s));
        // The context menu's "Make first" does it through the same path.
        QVERIFY(tray()->moveReference(1, 0));
        QCOMPARE(m_window->compose()->request().images, (QStringList {wide, tall}));
        QVERIFY(!tray()->moveReference(0, 5));
    }

    void aMaskStaysWithTheImageItWasPaintedOn()
    {
        const QString photo = solidImage(*m_files, u"photo.png"_s, QSize(96, 64));
        const QString style = solidImage(*m_files, u"style.png"_s, QSize(96, 64), Qt::blue);
        QVERIFY(m_window->openForEdit(photo));
        m_window->compose()->addReferences({style});
        MaskCanvas *canvas = m_window->maskPainter()->canvas();
        m_window->maskPainter()->document()->setBrushDiameter(24);
        dragWithLeftButton(canvas, canvas->toWidget(QPointF(16, 8)).toPoint(),
                           canvas->toWidget(QPointF(16, 56)).toPoint(), 8);
        QVERIFY(m_window->maskPainter()->hasMask());
        QVERIFY(!m_window->compose()->requestToSend()->mask.isEmpty());

        // Moved away from the front, the mask is not sent with another image, and it says so.
        QVERIFY(tray()->moveReference(0, 1));
        const Result<ImageRequest> moved = m_window->compose()->requestToSend();
        QVERIFY(moved);
        QCOMPARE(moved->images.first(), style);
        QVERIFY(moved->mask.isEmpty());
        QVERIFY2(m_window->findChild<MessageBar *>()->currentMessage().contains(u"not sent"_s),
                 qPrintable(m_window->findChild<MessageBar *>()->currentMessage()));
        // Back at the front, it is sent again: nothing was thrown away.
        QVERIFY(tray()->moveReference(1, 0));
        QVERIFY(!m_window->compose()->requestToSend()->mask.isEmpty());
    }

    void deleteRemovesTheSelected_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("row");
        QTest::newRow("Delete, the first") << int(Qt::Key_Delete) << 0;
        QTest::newRow("Delete, the last") << int(Qt::Key_Delete) << 2;
        QTest::newRow("Backspace, the middle") << int(Qt::Key_Backspace) << 1;
    }

    void deleteRemovesTheSelected()
    {
        QFETCH(int, key);
        QFETCH(int, row);
        QStringList paths;
        for (const QString &name : {u"one.png"_s, u"two.png"_s, u"three.png"_s})
            paths.append(solidImage(*m_files, name, QSize(32, 32)));
        m_window->compose()->addReferences(paths);
        tray()->setFocus();
        tray()->setCurrentRow(row);
        QTest::keyClick(tray(), Qt::Key(key));
        paths.removeAt(row);
        QCOMPARE(m_window->compose()->request().images, paths);
        QCOMPARE(m_window->compose()->referenceCount(), 2);
    }

    void theCrossOnAThumbnailRemovesIt()
    {
        const QString one = solidImage(*m_files, u"one.png"_s, QSize(32, 32));
        const QString two = solidImage(*m_files, u"two.png"_s, QSize(32, 32));
        m_window->compose()->addReferences({one, two});
        const QRect cell = tray()->visualItemRect(tray()->item(1));
        QVERIFY(!cell.isEmpty());
        // The × sits in the cell's top right corner; a click elsewhere only selects.
        QTest::mouseClick(tray()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(tray()->count(), 2);
        QTest::mouseClick(tray()->viewport(), Qt::LeftButton, {},
                          QPoint(cell.right() - 10, cell.top() + 10));
        QCOMPARE(tray()->paths(), QStringList {one});
    }

    void namesAreTheOriginalsNotHashes()
    {
        // An edit of two files, sent: the library keeps its inputs under their hashes.
        const QString photo = solidImage(*m_files, u"holiday photo.png"_s, QSize(64, 64));
        const QString style = solidImage(*m_files, u"style.png"_s, QSize(64, 64), Qt::blue);
        QVERIFY(m_window->openForEdit(photo));
        m_window->compose()->addReferences({style});
        m_window->promptEditor()->setPrompt(u"paint it like the second"_s);
        QTRY_VERIFY(m_window->generateButton()->isEnabled());
        m_window->generateButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->library().count(), 1, 15000);
        const LibraryImage made = m_session->library().query(LibraryQuery()).first();
        QCOMPARE(made.request.images.size(), 2);
        for (const QString &kept : made.request.images)
            QVERIFY2(ContentFiles::isContentName(QFileInfo(kept).fileName()), qPrintable(kept));

        // Reuse recipe: the tray holds the kept files, shown by the names the user gave them.
        m_window->compose()->reuseRecipe(made.request);
        QCOMPARE(tray()->paths(), made.request.images);
        QCOMPARE(shownNames(), (QStringList {u"holiday photo.png"_s, u"style.png"_s}));
        // A recipe that knows no names (made before they were kept) says when, never a hash.
        ImageRequest older = made.request;
        older.inputNames.clear();
        m_window->compose()->reuseRecipe(older);
        for (const QString &name : shownNames()) {
            QVERIFY2(name.startsWith(u"Image from "_s), qPrintable(name));
            QVERIFY(!ContentFiles::isContentName(name));
        }
    }

    void editAsksBeforeReplacingTheReferences_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QStringList>("expected"); // file names, in order
        QTest::newRow("Replace") << u"replace"_s << QStringList {u"edit-me.png"_s};
        QTest::newRow("Add to the references")
            << u"addToReferences"_s << QStringList {u"edit-me.png"_s, u"one.png"_s, u"two.png"_s};
        QTest::newRow("Cancel") << u"cancel"_s << QStringList {u"one.png"_s, u"two.png"_s};
    }

    void editAsksBeforeReplacingTheReferences()
    {
        QFETCH(QString, answer);
        QFETCH(QStringList, expected);
        m_window->compose()->addReferences({solidImage(*m_files, u"one.png"_s, QSize(32, 32)),
                                            solidImage(*m_files, u"two.png"_s, QSize(32, 32))});
        const QString edited = solidImage(*m_files, u"edit-me.png"_s, QSize(32, 32), Qt::red);
        bool asked = false;
        answerReplaceQuestion(answer, &asked);
        // "Edit" on an image in the gallery.
        Q_EMIT m_window->gallery()->editRequested(edited, 0);
        QVERIFY(asked);
        QCOMPARE(shownNames(), expected);
        if (answer != u"cancel")
            QCOMPARE(m_window->maskPainter()->imagePath(), edited);
    }

    void editOfTheOnlyImageDoesNotAsk()
    {
        const QString only = solidImage(*m_files, u"only.png"_s, QSize(32, 32));
        m_window->compose()->addReferences({only});
        bool asked = false;
        answerReplaceQuestion(u"cancel"_s, &asked);
        QVERIFY(m_window->compose()->editImage(only));
        QVERIFY(!asked);
        QCOMPARE(tray()->paths(), QStringList {only});
        // "Use as reference" keeps adding.
        const QString more = solidImage(*m_files, u"more.png"_s, QSize(32, 32));
        m_window->compose()->addReferences({more});
        QCOMPARE(tray()->paths(), (QStringList {only, more}));
    }
};

QTEST_MAIN(TestReferenceTray)
#include "tst_referencetray.moc"
