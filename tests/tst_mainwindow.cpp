#include "api/keystore.h"
#include "compose/composepanel.h"
#include "crashedjob.h"
#include "fakeimagesserver.h"
#include "gallery/gallerypanel.h"
#include "library/contentfiles.h"
#include "library/exporter.h"
#include "library/librarymodel.h"
#include "libraryimages.h"
#include "mainwindow.h"
#include "maskpainter/maskcanvas.h"
#include "maskpainter/maskpainter.h"
#include "model/parameters.h"
#include "notices/messagebar.h"
#include "params/parameterpanel.h"
#include "preview/imagepreview.h"
#include "prompt/prompteditor.h"
#include "settings/profiledialog.h"
#include "settings/settingsdialog.h"
#include "studio/studiosession.h"
#include "studiowindow.h"
#include "widgetdrag.h"

#include "testsettings.h"
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QGuiApplication>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject, public StudioWindowFixture
{
    Q_OBJECT

private:
    // A job row's own button ("cancelJob", "retryJob") in the job strip.
    QToolButton *jobButton(int row, const QString &name) const
    {
        auto *view = m_window->findChild<QTableView *>(u"jobs"_s);
        QWidget *actions = view
            ? view->indexWidget(view->model()->index(row, JobListModel::ActionsColumn))
            : nullptr;
        return actions ? actions->findChild<QToolButton *>(name) : nullptr;
    }

    // What the status bar's message line says now, whole.
    QString statusText() const { return m_window->findChild<MessageBar *>()->currentMessage(); }

    QStringList libraryFiles() const
    {
        QStringList files;
        QDirIterator it(m_library->path(), {u"*.png"_s, u"*.json"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        files.sort();
        return files;
    }

    // A session that talks to the fake server, with a key.
    // Answers the studio's question about files from outside the library, once it is asked:
    // what it said goes to `text`.
    void answerOutsideFilesQuestion(QMessageBox::StandardButton button, QString *text)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, this, [timer, button, text] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != u"outsideFilesQuestion")
                return;
            timer->deleteLater();
            *text = box->text();
            box->button(button)->click();
        });
        timer->start();
    }

    // A one-colour PNG `name` of `size` in `dir`; empty when it cannot be written.
    static QString solidImage(const QTemporaryDir &dir, const QString &name, QSize size)
    {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        const QString path = dir.filePath(name);
        return image.save(path) ? path : QString();
    }

    // The Size the parameter panel shows.
    QString shownSize() const
    {
        return m_window->parameterPanel()->request().option(Param::Size).toString();
    }

    // What an earlier request left in the parameter panel.
    void leaveParameters(Endpoint endpoint, const QString &model, const QString &size)
    {
        ImageRequest request;
        request.endpoint = endpoint;
        request.model = model;
        request.setOption(Param::Size, size);
        m_window->parameterPanel()->applyRequest(request);
    }

private Q_SLOTS:
    void initTestCase() { isolateStudio(); }

    void init()
    {
        const Status started = startStudio(10);
        QVERIFY2(started, qPrintable(started.error()));
        QVERIFY(openWindow());
    }

    void cleanup() { closeStudio(); }

    void paintedEditSendsTheMaskAndKeepsTheRest()
    {
        // The image to edit and a second reference.
        QImage photo(96, 64, QImage::Format_RGB32);
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 96; ++x)
                photo.setPixel(x, y, qRgb(x * 2, 200 - y * 2, 60));
        QTemporaryDir outside;
        const QString first = outside.filePath(u"photo.png"_s);
        const QString second = outside.filePath(u"style.png"_s);
        QVERIFY(photo.save(first));
        QVERIFY(photo.mirrored(true, false).save(second));
        m_server->setImageSize(QSize(96, 64));

        QVERIFY(m_window->openForEdit(first));
        QCOMPARE(m_window->centerTabs()->currentWidget(), m_window->maskPainter());
        m_window->parameterPanel()->applyRequest([] {
            ImageRequest request;
            request.endpoint = Endpoint::Edits;
            request.model = u"gpt-image-1.5"_s;
            return request;
        }());
        // Paint the left third with a drag on the canvas.
        MaskCanvas *canvas = m_window->maskPainter()->canvas();
        m_window->maskPainter()->document()->setBrushDiameter(24);
        m_window->maskPainter()->document()->setBrushHardness(1.0);
        const QPoint from = canvas->toWidget(QPointF(16, 8)).toPoint();
        const QPoint to = canvas->toWidget(QPointF(16, 56)).toPoint();
        dragWithLeftButton(canvas, from, to, 8);
        QVERIFY(m_window->maskPainter()->hasMask());
        // A second reference behind the first.
        m_window->openImages({second});
        m_window->promptEditor()->setPrompt(u"a red lighthouse on the left"_s);
        QTRY_VERIFY(m_window->generateButton()->isEnabled());

        // Ctrl+Return in the canvas sends the edit.
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 10000);
        const RecordedRequest &sent = m_server->requests().first();
        QVERIFY2(sent.violations.isEmpty(), qPrintable(sent.violations.join(u'\n')));
        QVERIFY(sent.path.endsWith(u"/images/edits"_s));
        int images = 0;
        for (const ReceivedPart &part : sent.parts)
            images += part.name == u"image[]"_s ? 1 : 0;
        QCOMPARE(images, 2);
        const ReceivedPart *mask = sent.part(u"mask"_s);
        QVERIFY(mask);
        const QImage received = QImage::fromData(mask->data, "PNG");
        QCOMPARE(received.size(), QSize(96, 64)); // the first image's size
        QVERIFY(received.hasAlphaChannel());
        QCOMPARE(qAlpha(received.pixel(16, 32)), 0); // painted: transparent
        QCOMPARE(qAlpha(received.pixel(80, 32)), 255); // not painted: opaque

        // The composite keeps the original outside the mask; the raw output stays too.
        QTRY_COMPARE_WITH_TIMEOUT(m_session->library().count(), 2, 10000);
        const QList<LibraryImage> images2 = m_session->library().query({});
        const auto composite
            = std::find_if(images2.cbegin(), images2.cend(), [](const LibraryImage &image) {
                  return image.edit.contains(u"composite_of"_s);
              });
        QVERIFY(composite != images2.cend());
        const QImage kept(composite->path);
        for (int y = 0; y < 64; y += 9)
            QCOMPARE(kept.pixel(90, y), photo.pixel(90, y));
        // "Show changes outside the mask": computed off the GUI thread, then shown in the preview.
        Q_EMIT m_window->gallery()->heatMapRequested(composite->id);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<ImagePreview *>()->caption().startsWith(
                                     u"Changes outside the mask: "_s),
                                 10000);
        // Reopening the edit restores its mask in the painter.
        m_window->maskPainter()->document()->clear();
        QVERIFY(!m_window->maskPainter()->hasMask());
        QMetaObject::invokeMethod(m_window->gallery(), "reuseRequested",
                                  Q_ARG(Atelier::ImageRequest, composite->request));
        QVERIFY(m_window->maskPainter()->hasMask());
        QCOMPARE(m_window->maskPainter()->document()->coverage().constScanLine(32)[16], uchar(255));
    }

    void anEditsSizeFollowsItsImage()
    {
        QTemporaryDir outside;
        const QString square = solidImage(outside, u"square.png"_s, QSize(1024, 1024));
        QVERIFY(!square.isEmpty());
        m_server->setImageSize(QSize(1024, 1024));
        ParameterPanel *parameters = m_window->parameterPanel();
        // An earlier generation left Size at 1024x1536.
        leaveParameters(Endpoint::Generations, u"gpt-image-1"_s, u"1024x1536"_s);
        QCOMPARE(shownSize(), u"1024x1536"_s);

        // The image to edit sets the size, and the studio says so.
        QVERIFY(m_window->openForEdit(square));
        QCOMPARE(shownSize(), u"1024x1024"_s);
        QVERIFY2(statusText().contains(u"Size follows the image to edit: 1024×1024."_s),
                 qPrintable(statusText()));
        auto *estimate = m_window->findChild<QLabel *>(u"estimate"_s);
        QVERIFY(estimate);
        QVERIFY(!estimate->text().contains(u"another shape"_s));

        // A size picked by hand is respected; the mismatch is said before sending.
        auto *sizeBox = qobject_cast<QComboBox *>(parameters->control(Param::Size));
        QVERIFY(sizeBox);
        sizeBox->setCurrentIndex(sizeBox->findData(u"1536x1024"_s));
        QCOMPARE(shownSize(), u"1536x1024"_s);
        QTRY_VERIFY2(estimate->text().contains(u"The image to edit is 1024×1024 but Size is "
                                               u"1536×1024"_s)
                         && estimate->text().contains(u"Size follows the image: 1024×1024."_s),
                     qPrintable(estimate->text()));
        // Without keeping the pixels outside the mask, it is only a warning, and stays.
        auto *keep = m_window->findChild<QCheckBox *>(u"keepOutsideMask"_s);
        QVERIFY(keep);
        keep->setChecked(false);
        QTRY_VERIFY2(estimate->text().contains(u"Choose 1024×1024 to keep the image's shape."_s),
                     qPrintable(estimate->text()));
        QCOMPARE(shownSize(), u"1536x1024"_s);
        keep->setChecked(true);
        QTRY_VERIFY(estimate->text().contains(u"Size follows the image: 1024×1024."_s));

        // Sending: Size follows the image, as said.
        m_window->promptEditor()->setPrompt(u"a lantern on the table"_s);
        QTRY_VERIFY(m_window->generateButton()->isEnabled());
        m_window->generateButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 10000);
        const ReceivedPart *sentSize = m_server->requests().first().part(u"size"_s);
        QVERIFY(sentSize);
        QCOMPARE(sentSize->data, QByteArray("1024x1024"));
        QCOMPARE(shownSize(), u"1024x1024"_s);
    }

    void aSecondReferenceLeavesTheSizeAlone()
    {
        QTemporaryDir outside;
        const QString wide = solidImage(outside, u"wide.png"_s, QSize(96, 64));
        const QString tall = solidImage(outside, u"tall.png"_s, QSize(64, 96));
        QVERIFY(!wide.isEmpty() && !tall.isEmpty());
        leaveParameters(Endpoint::Edits, u"dall-e-2"_s, u"1024x1024"_s);
        // References into an empty list: the first one sets the size (for dall-e-2 a square:
        // the smallest, as the image is smaller than all of them).
        m_window->compose()->addReferences({wide, tall});
        QCOMPARE(shownSize(), u"256x256"_s);
        QVERIFY2(statusText().contains(u"256×256"_s), qPrintable(statusText()));
        m_window->parameterPanel()->setSize(u"512x512"_s);
        m_window->compose()->addReferences({tall});
        QCOMPARE(shownSize(), u"512x512"_s);
    }

    void variationsAtOpenAIAreEditsWithAPrompt()
    {
        QTemporaryDir outside;
        const QString logo = outside.filePath(u"logo.png"_s);
        QVERIFY(writeFilledPng(logo, QSize(32, 32), Qt::darkBlue));
        // A gateway still serves variations: the endpoint stays.
        m_window->openForVariation(logo);
        QCOMPARE(m_window->parameterPanel()->endpoint(), Endpoint::Variations);
        // OpenAI retired it: an edit with a GPT image model and a prompt one can change.
        ProviderProfile openai;
        openai.baseUrl = m_server->baseUrl();
        m_session->setProvider(openai, u"sk-test"_s);
        m_window->openForVariation(logo);
        QCOMPARE(m_window->parameterPanel()->endpoint(), Endpoint::Edits);
        QCOMPARE(m_window->parameterPanel()->model(), u"gpt-image-2.6-flare"_s);
        QVERIFY2(m_window->promptEditor()->prompt().contains(u"variation"_s),
                 qPrintable(m_window->promptEditor()->prompt()));
        QTRY_VERIFY(m_window->generateButton()->isEnabled());
        m_window->generateButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount() >= 1, 10000);
        const RecordedRequest &sent = m_server->requests().constFirst();
        QVERIFY2(sent.path.endsWith(u"/images/edits"_s), qPrintable(sent.path));
        QVERIFY(sent.part(u"prompt"_s));
        QCOMPARE(QString::fromUtf8(sent.part(u"model"_s)->data), u"gpt-image-2.6-flare"_s);
    }

    void markupEditSendsTheMarks()
    {
        QImage photo(96, 64, QImage::Format_RGB32);
        photo.fill(qRgb(90, 140, 60));
        QTemporaryDir outside;
        const QString path = outside.filePath(u"room.png"_s);
        QVERIFY(photo.save(path));
        QVERIFY(m_window->openForEdit(path));
        MaskCanvas *canvas = m_window->maskPainter()->canvas();
        canvas->setTool(MaskCanvas::Tool::MarkEllipse);
        dragWithLeftButton(canvas, canvas->toWidget(QPointF(20, 16)).toPoint(),
                           canvas->toWidget(QPointF(70, 50)).toPoint(), 6);
        QVERIFY(m_window->maskPainter()->hasMarkup());
        QCOMPARE(m_window->parameterPanel()->model(), u"gpt-image-2.6-flare"_s);
        m_window->promptEditor()->setPrompt(u"make what I circled a red armchair"_s);
        QTRY_VERIFY(m_window->generateButton()->isEnabled());
        m_window->generateButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount() >= 1, 10000);
        const RecordedRequest &sent = m_server->requests().constFirst();
        QVERIFY2(sent.path.endsWith(u"/images/edits"_s), qPrintable(sent.path));
        const ReceivedPart *markup = sent.part(u"markup"_s);
        QVERIFY(markup);
        QVERIFY(!sent.part(u"mask"_s));
        QImage marks;
        QVERIFY(marks.loadFromData(markup->data, "PNG"));
        QCOMPARE(marks.size(), QSize(96, 64));
        QVERIFY(marks.hasAlphaChannel());
        // Kept in the library's inputs/ with the edit.
        QTRY_VERIFY(!QDir(m_session->inputsFolder()).entryList(QDir::Files).isEmpty());
    }

    void retryOfAShutDownModelOffersItsReplacement()
    {
        // Sent to a gateway, where gpt-image-1.5 still works.
        ImageRequest old;
        old.model = u"gpt-image-1.5"_s;
        old.prompt = u"a fox in the snow"_s;
        old.setOption(Param::Quality, u"low"_s);
        QVERIFY(m_session->submit(old).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount() >= 1, 10000);
        // Now against OpenAI: Retry asks before moving the recipe to the replacement.
        ProviderProfile openai;
        openai.baseUrl = m_server->baseUrl();
        m_session->setProvider(openai, u"sk-test"_s);
        auto *view = m_window->findChild<QTableView *>();
        QVERIFY(view);
        view->selectRow(0);
        QString asked;
        QTimer::singleShot(0, this, [&asked] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(widget);
                    box && box->objectName() == u"retryWithReplacement") {
                    asked = box->text() + u'\n' + box->informativeText();
                    for (QAbstractButton *button : box->buttons()) {
                        if (button->text().startsWith(u"Retry with"_s))
                            button->click();
                    }
                }
            }
        });
        QVERIFY(jobButton(0, u"retryJob"_s));
        jobButton(0, u"retryJob"_s)->click();
        QVERIFY2(asked.contains(u"gpt-image-2.6-sunburst"_s), qPrintable(asked));
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount() >= 2, 10000);
        const RecordedRequest &sent = m_server->requests().constLast();
        QCOMPARE(sent.json.value(u"model"_s).toString(), u"gpt-image-2.6-sunburst"_s);
        QCOMPARE(sent.json.value(u"quality"_s).toString(), u"low"_s); // carried over
        QCOMPARE(sent.json.value(u"prompt"_s).toString(), u"a fox in the snow"_s);
    }

    void startsReadyToType()
    {
        QVERIFY(m_window->windowTitle().startsWith(u"Atelier"_s));
        m_window->activateWindow();
        QTRY_VERIFY(m_window->promptEditor()->hasFocus());
        QVERIFY(!m_window->generateButton()->isEnabled()); // nothing written yet
        QVERIFY(m_window->generateButton()->toolTip().contains(u"prompt"_s));
    }

    void typePromptControlReturnAndTheImageStreamsIn()
    {
        ImageRequest recipe;
        recipe.model = u"gpt-image-1.5"_s;
        recipe.setOption(Param::Stream, true);
        recipe.setOption(Param::PartialImages, 2);
        m_window->parameterPanel()->applyRequest(recipe);
        QTest::keyClicks(m_window->promptEditor(), u"a lighthouse at dusk"_s);
        QVERIFY(m_window->generateButton()->isEnabled());
        QTest::keyClick(m_window->promptEditor(), Qt::Key_Return, Qt::ControlModifier);

        QTRY_COMPARE_WITH_TIMEOUT(m_window->libraryModel()->rowCount(), 1, 15000);
        QCOMPARE(m_window->filmstrip()->count(), 3); // two partials, then the final image
        QCOMPARE(m_window->filmstrip()->item(0)->text(), u"Partial 1"_s);
        QCOMPARE(m_window->preview()->caption(), u"Final"_s);
        QVERIFY(!m_window->preview()->image().isNull());
        QCOMPARE(m_window->promptEditor()->prompt(), u"a lighthouse at dusk"_s); // the recipe stays

        // The image and its recipe are in the library folder.
        const QStringList files = libraryFiles();
        QCOMPARE(files.size(), 2);
        QVERIFY(files[0].endsWith(u".json"_s) && files[1].endsWith(u".png"_s));
        QFile recipeFile(files[0]);
        QVERIFY(recipeFile.open(QIODevice::ReadOnly));
        const QJsonObject saved = QJsonDocument::fromJson(recipeFile.readAll()).object();
        const ImageRequest sent = ImageRequest::fromJson(saved.value(u"request"_s).toObject());
        QCOMPARE(sent.prompt, u"a lighthouse at dusk"_s);
        QCOMPARE(sent.option(Param::PartialImages).toInt(), 2);
        QVERIFY(m_server->requests().first().violations.isEmpty());
        // ...and in the library index, found by its prompt, with the usage the API reported.
        LibraryQuery query;
        query.text = u"lighthouse"_s;
        const QList<LibraryImage> indexed = m_session->library().query(query);
        QCOMPARE(indexed.size(), 1);
        QCOMPARE(indexed.first().path, files[1]);
        QCOMPARE(indexed.first().usage.totalTokens, 100);
        QVERIFY(indexed.first().requestId.startsWith(u"req_"_s));
        QVERIFY(m_session->interruptedJobs().isEmpty()); // the journal entry was closed
    }

    // Type, generate, browse, favourite and export with the keyboard alone: Tab walks the compose
    // column down to Generate, F6 goes from pane to pane.
    void theMainFlowNeedsNoMouse()
    {
        m_window->activateWindow();
        QTRY_VERIFY(m_window->promptEditor()->hasFocus());
        QTest::keyClicks(m_window->promptEditor(), u"a lighthouse at dusk"_s);
        // Tab leaves the prompt and walks the compose column, in order, down to Generate.
        auto *column = m_window->findChild<QWidget *>(u"composeColumn"_s);
        QWidget *generate = m_window->generateButton();
        QList<QWidget *> walked;
        for (int step = 0; step < 60 && QApplication::focusWidget() != generate; ++step) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            QVERIFY2(column->isAncestorOf(now),
                     qPrintable(u"Tab left the compose column at "_s + now->objectName()));
            QVERIFY2(!walked.contains(now), qPrintable(u"Tab came back to "_s + now->objectName()));
            QVERIFY2(!now->accessibleName().isEmpty() || !now->property("text").toString().isEmpty()
                         || !now->toolTip().isEmpty(),
                     qPrintable(u"A control without a name: "_s
                                + QString::fromLatin1(now->metaObject()->className())));
            walked.append(now);
        }
        QCOMPARE(QApplication::focusWidget(), generate);
        QTest::keyClick(generate, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->libraryModel()->rowCount(), 1, 15000);

        // F6 reaches the gallery within the four panes; the arrows browse, F marks a favourite.
        auto *gallery = m_window->findChild<QListView *>(u"galleryView"_s);
        for (int step = 0; step < 4 && !gallery->hasFocus(); ++step)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
        QTRY_VERIFY(gallery->hasFocus());
        QTest::keyClick(gallery, Qt::Key_Home);
        QCOMPARE(gallery->currentIndex().row(), 0);
        gallery->selectionModel()->select(gallery->currentIndex(), QItemSelectionModel::Select);
        QTest::keyClick(gallery, Qt::Key_F);
        QTRY_VERIFY(m_window->libraryModel()->imageAt(0).favourite);
        // Ctrl+Shift+E exports what is selected.
        bool exportAsked = false;
        QTimer::singleShot(0, this, [&exportAsked] {
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
                exportAsked = true;
                dialog->reject();
            }
        });
        QTest::keyClick(gallery, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(exportAsked);
        m_window->activateWindow();
        QTRY_VERIFY(gallery->hasFocus()); // back where it was
        // Shift+F6 goes back, pane by pane, to the prompt.
        for (int step = 0; step < 4 && !m_window->promptEditor()->hasFocus(); ++step)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
        QTRY_VERIFY(m_window->promptEditor()->hasFocus());
    }

    void bigStreamedImagesAreWrittenWhileTheyArrive()
    {
        // Images big enough to arrive over many reads are decoded and written to the library's
        // .incoming folder as their bytes come, then moved into place: the same files as ever.
        m_server->setNoiseImages(true);
        m_server->setImageSize(QSize(1024, 768));
        m_server->setRateBytesPerSecond(40'000'000);
        ImageRequest recipe;
        recipe.model = u"gpt-image-1.5"_s;
        recipe.setOption(Param::Stream, true);
        recipe.setOption(Param::PartialImages, 2);
        m_window->parameterPanel()->applyRequest(recipe);
        m_window->promptEditor()->setPrompt(u"a harbour in fog"_s);
        QSignalSpy partials(m_session.get(), &StudioSession::partialImage);
        QSignalSpy finals(m_session.get(), &StudioSession::imageReady);
        m_window->generate();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->libraryModel()->rowCount(), 1, 20000);
        QCOMPARE(partials.size(), 2);
        QCOMPARE(finals.size(), 1);
        const ImageResult final = finals.first().at(1).value<ImageResult>();
        QVERIFY(!final.image.isNull());
        QCOMPARE(final.size, QSize(1024, 768));
        const QStringList files = libraryFiles();
        QCOMPARE(files.size(), 2);
        QCOMPARE(final.savedPath, files[1]);
        QFile saved(files[1]);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), final.encoded); // byte for byte what arrived
        QVERIFY(QImage(files[1]) == final.image);
        for (const QVariantList &arguments : std::as_const(partials)) {
            const ImageResult partial = arguments.at(1).value<ImageResult>();
            QVERIFY2(partial.savedPath.contains(u"/.partials/"_s), qPrintable(partial.savedPath));
        }
        // They went through .incoming, and nothing is left there; the partials went with the job.
        const QDir incoming(m_library->filePath(u".incoming"_s));
        QVERIFY(incoming.exists());
        QVERIFY(incoming.entryList(QDir::Files | QDir::Hidden).isEmpty());
        QTRY_VERIFY(!QFileInfo::exists(m_library->filePath(u".partials/job-1"_s)));
    }

    void overLimitBlocksGenerateWithTheReason()
    {
        m_window->parameterPanel()->setModel(u"dall-e-2"_s);
        m_window->promptEditor()->setPrompt(QString(1001, u'x'));
        QVERIFY(!m_window->generateButton()->isEnabled());
        QVERIFY2(m_window->generateButton()->toolTip().contains(u"at most 1000"_s),
                 qPrintable(m_window->generateButton()->toolTip()));
        QVERIFY(m_window->problemsLabel()->isVisible());
        m_window->promptEditor()->setPrompt(QString(1000, u'x'));
        QVERIFY(m_window->generateButton()->isEnabled());
    }

    void apiErrorIsShownAndNothingIsLost()
    {
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Error;
        reply.status = 400;
        reply.body = "{\"error\":{\"message\":\"Your request was rejected by the safety "
                     "system.\",\"type\":\"image_generation_user_error\",\"code\":\"moderation_"
                     "blocked\"}}";
        m_server->enqueue(reply);
        m_window->promptEditor()->setPrompt(u"something"_s);
        m_window->generate();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->problemsLabel()->text().contains(u"rejected by the safety system"_s), 10000);
        QVERIFY(m_window->problemsLabel()->text().contains(u"HTTP 400"_s));
        QVERIFY(m_window->problemsLabel()->text().contains(u"req_"_s));
        QCOMPARE(m_window->promptEditor()->prompt(), u"something"_s);
        QCOMPARE(m_session->jobs()->rowCount(), 1);
        // Retry sends the same recipe again, and this time it works.
        m_session->retry(m_session->jobs()->idAt(0));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->libraryModel()->rowCount(), 1, 10000);
        QCOMPARE(m_server->requests().at(1).json.value(u"prompt"_s).toString(), u"something"_s);
    }

    // The red banner of a failed request goes once a Retry of it has worked.
    void failureBannerGoesWhenItsRetryWorks()
    {
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Error;
        reply.status = 400;
        reply.body = "{\"error\":{\"message\":\"Billing hard limit has been reached.\","
                     "\"type\":\"invalid_request_error\"}}";
        m_server->enqueue(reply);
        m_window->promptEditor()->setPrompt(u"a lighthouse"_s);
        m_window->generate();
        QLabel *problems = m_window->problemsLabel();
        QTRY_VERIFY_WITH_TIMEOUT(problems->text().contains(u"Billing hard limit"_s), 10000);
        QVERIFY(problems->isVisible());
        auto *view = m_window->findChild<QTableView *>();
        QVERIFY(view);
        view->selectRow(0);
        QVERIFY(jobButton(0, u"retryJob"_s));
        jobButton(0, u"retryJob"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->libraryModel()->rowCount(), 1, 10000);
        QTRY_VERIFY(problems->isHidden());
        QVERIFY(!problems->text().contains(u"Billing hard limit"_s));
        QCOMPARE(m_server->requestCount(), 2);
    }

    void droppedFolderIsSaidToBeAFolder()
    {
        QTemporaryDir outside;
        const QString folder = outside.filePath(u"holiday photos"_s);
        QVERIFY(QDir().mkpath(folder));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder)});
        // Dropped on the window, as a file manager drops it.
        const QPoint at = m_window->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window->windowHandle(), &enter);
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window->windowHandle(), &drop);
        QString said = statusText();
        QVERIFY2(said.contains(u"holiday photos"_s) && said.contains(u"is a folder"_s),
                 qPrintable(said));
        QCOMPARE(m_window->findChild<QListWidget *>(u"referenceTray"_s)->count(), 0);
        // Pasted, and opened for editing ("Open with Atelier"): the same.
        m_window->findChild<MessageBar *>()->post(QString());
        auto *copied = new QMimeData;
        copied->setUrls({QUrl::fromLocalFile(folder)});
        QGuiApplication::clipboard()->setMimeData(copied);
        m_window->pasteImage();
        said = statusText();
        QVERIFY2(said.contains(u"is a folder"_s), qPrintable(said));
        QVERIFY(!m_window->openForEditing({folder}));
        said = statusText();
        QVERIFY2(said.contains(u"is a folder"_s) && !said.contains(u"not found"_s),
                 qPrintable(said));
    }

    // A message longer than the bar is elided on the line, whole in its tooltip, and stays whole
    // in the history after its time is up; the history copies it.
    void aLongMessageIsNeverCutOff()
    {
        auto *bar = m_window->findChild<MessageBar *>();
        auto *line = m_window->findChild<QLabel *>(u"statusMessage"_s);
        auto *button = m_window->findChild<QToolButton *>(u"messageHistoryButton"_s);
        QVERIFY(bar && line && button);
        QVERIFY(button->isHidden());
        const QString longText = u"The request failed: "_s
            + QString(u"very long reason "_s).repeated(40) + u"— and what to do at the end."_s;
        Q_EMIT m_window->findChild<ComposePanel *>()->statusMessage(longText, 50);
        QCOMPARE(statusText(), longText);
        QVERIFY(line->text().endsWith(u"…"_s));
        QVERIFY(line->text().size() < longText.size());
        QCOMPARE(line->toolTip(), longText);
        QTRY_VERIFY(statusText().isEmpty());
        QVERIFY(line->text().isEmpty());
        Q_EMIT m_window->findChild<ComposePanel *>()->statusMessage(u"Saved."_s, 0);
        QVERIFY(!button->isHidden());
        QVERIFY(button->text().contains(u'2'));
        button->click();
        auto *history = m_window->findChild<QListWidget *>(u"messageHistoryList"_s);
        QVERIFY(history);
        QTRY_VERIFY(history->isVisible());
        QCOMPARE(history->count(), 2);
        QVERIFY(history->item(0)->text().endsWith(longText));
        QVERIFY(history->item(1)->text().endsWith(u"Saved."_s));
        history->setCurrentRow(0);
        QTest::keySequence(history, QKeySequence::Copy);
        QVERIFY(QGuiApplication::clipboard()->text().endsWith(longText));
        history->window()->hide();
    }

    // Without a keychain, storing a key is no dead end: the key can be used for this session,
    // kept in memory only.
    void keyWithoutAKeychainServesThisSession()
    {
        QVERIFY2(!KeyStore::unavailableReason().isEmpty(),
                 "a keychain is reachable: this test would store a key in it");
        ProviderProfile profile;
        profile.kind = ProviderProfile::Kind::Compatible;
        profile.baseUrl = m_server->baseUrl();
        m_session->setProvider(profile, QString());
        QVERIFY(!m_session->hasApiKey());
        SettingsDialog dialog(m_session.get(), u"the environment"_s);
        const QString key = u"sk-session-only-5150"_s;
        QString said;
        QTimer answer;
        answer.setInterval(10);
        connect(&answer, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *input = qobject_cast<QInputDialog *>(modal)) {
                input->setTextValue(key);
                input->accept();
            } else if (auto *box = qobject_cast<QMessageBox *>(modal);
                       box && box->objectName() == u"keyNotStored") {
                said = box->text() + u'\n' + box->informativeText();
                answer.stop();
                box->findChild<QPushButton *>(u"useKeyForSession"_s)->click();
            } else if (auto *other = qobject_cast<QMessageBox *>(modal)) {
                said = other->text(); // a dead end: closed, and the checks below fail
                answer.stop();
                other->reject();
            }
        });
        answer.start();
        dialog.findChild<QPushButton *>(u"storeKey"_s)->click();
        QVERIFY2(said.contains(u"could not be stored"_s) && said.contains(u"this session only"_s)
                     && said.contains(profile.apiKeyVariable())
                     && said.contains(u"GNOME Keyring"_s),
                 qPrintable(said));
        QVERIFY(m_session->hasApiKey());
        QCOMPARE(m_session->apiKey(), key);
        const QString status = dialog.findChild<QLabel *>(u"keyStatus"_s)->text();
        QVERIFY2(status.contains(u"this session only"_s), qPrintable(status));
        // Used, and never written anywhere.
        m_window->promptEditor()->setPrompt(u"a key test"_s);
        m_window->generate();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->libraryModel()->rowCount(), 1, 10000);
        QCOMPARE(m_server->requests().constLast().header("authorization"),
                 QByteArray("Bearer ") + key.toUtf8());
        QSettings().sync();
        for (const QString &root : {m_config.path(), m_library->path()}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY2(!file.readAll().contains(key.toUtf8()), qPrintable(file.fileName()));
            }
        }
    }

    // What a server says is shown as written: markup in it neither styles the problems box, the
    // job list's tooltip or the settings' connection text, nor pulls in images.
    void apiTextIsShownAsWritten()
    {
        const QString markup = u"<img src=\"file:///tmp/x.png\"><b>Pay here</b>"_s;
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Error;
        reply.status = 400;
        reply.body
            = QJsonDocument(QJsonObject {{u"error"_s,
                                          QJsonObject {{u"message"_s, markup},
                                                       {u"type"_s, u"invalid_request_error"_s}}}})
                  .toJson(QJsonDocument::Compact);
        m_server->enqueue(reply);
        m_window->promptEditor()->setPrompt(u"something"_s);
        m_window->generate();
        QLabel *problems = m_window->findChild<QLabel *>(u"problems"_s);
        QVERIFY(problems);
        QTRY_VERIFY_WITH_TIMEOUT(problems->text().contains(markup), 10000);
        QCOMPARE(problems->textFormat(), Qt::PlainText);
        const QString tip = m_session->jobs()
                                ->index(0, JobListModel::StateColumn)
                                .data(Qt::ToolTipRole)
                                .toString();
        QVERIFY2(tip.contains(u"&lt;b&gt;Pay here&lt;/b&gt;"_s) && !tip.contains(u"<b>"_s),
                 qPrintable(tip));

        ScriptedReply listing = reply;
        listing.status = 401;
        m_server->enqueueModelsReply(listing);
        SettingsDialog dialog(m_session.get(), u"a test"_s);
        for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
            if (button->text() == u"Test connection"_s)
                button->click();
        }
        QTRY_VERIFY_WITH_TIMEOUT(dialog.connectionStatus()->text().contains(markup), 10000);
        QCOMPARE(dialog.connectionStatus()->textFormat(), Qt::PlainText);
    }

    void openingAnExportedImageRestoresItsRecipe()
    {
        // An image exported by Atelier carries its recipe.
        QImage pixels(40, 30, QImage::Format_RGB32);
        pixels.fill(Qt::magenta);
        LibraryImage image;
        image.path = m_library->filePath(u"plain.png"_s);
        pixels.save(image.path);
        image.request.model = u"dall-e-3"_s;
        image.request.prompt = u"a castle in the clouds"_s;
        image.request.setOption(Param::Style, u"natural"_s);
        image.request.setOption(Param::Quality, u"hd"_s);
        ExportOptions options;
        options.folder = m_library->filePath(u"exported"_s);
        const Result<QString> exportedTo = Exporter::exportImage(image, options);
        const QString exported = exportedTo.valueOr(QString());
        QVERIFY2(!exported.isEmpty(), qPrintable(exportedTo.error()));

        m_window->openImages({exported});
        QCOMPARE(m_window->promptEditor()->prompt(), u"a castle in the clouds"_s);
        ImageRequest parameters = image.request;
        parameters.prompt.clear(); // the panel holds everything but the prompt
        QCOMPARE(m_window->parameterPanel()->request(), parameters);
        QTRY_COMPARE(m_window->preview()->caption(), u"Opened"_s); // read off the GUI thread
    }

    // A recipe is data: one embedded in an image that names a file outside the library's
    // inputs (here a "secret" picture) does not get it sent unless the user says yes, and its
    // megabyte prompt reaches the editor cut to the model's limit.
    void restoredRecipesUseOutsideFilesOnlyWhenAllowed()
    {
        QTemporaryDir outside;
        const QString secret = outside.filePath(u"secret.png"_s);
        QImage pixels(40, 30, QImage::Format_RGB32);
        pixels.fill(Qt::darkRed);
        QVERIFY(pixels.save(secret));
        LibraryImage image;
        image.path = m_library->filePath(u"made.png"_s);
        QVERIFY(pixels.save(image.path));
        image.request.endpoint = Endpoint::Edits;
        image.request.model = u"gpt-image-1.5"_s;
        image.request.prompt = QString(1024 * 1024, u'x');
        image.request.images = {secret};
        ExportOptions options;
        options.folder = m_library->filePath(u"exported"_s);
        const Result<QString> exportedTo = Exporter::exportImage(image, options);
        const QString exported = exportedTo.valueOr(QString());
        QVERIFY2(!exported.isEmpty(), qPrintable(exportedTo.error()));
        const int limit = m_session->catalog()
                              .allowed(u"gpt-image-1.5"_s, Endpoint::Edits, Param::Prompt)
                              ->maxLength;
        QVERIFY(limit > 0 && limit < 1024 * 1024);

        // No: the file is left out; what is sent is only what the user adds.
        QString asked;
        answerOutsideFilesQuestion(QMessageBox::No, &asked);
        m_window->openImages({exported});
        QVERIFY2(asked.contains(QDir::toNativeSeparators(secret)), qPrintable(asked));
        QCOMPARE(m_window->promptEditor()->prompt().size(), limit);
        QVERIFY2(statusText().contains(u"shortened"_s), qPrintable(statusText()));
        QVERIFY(m_window->currentRequest().images.isEmpty());
        const QString mine = outside.filePath(u"mine.png"_s);
        QVERIFY(writeFilledPng(mine, QSize(40, 30), Qt::darkGreen));
        m_window->openImages({mine});
        QCOMPARE(m_window->currentRequest().images, QStringList {mine});
        QTRY_VERIFY(m_window->generateButton()->isEnabled());
        m_window->generate();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 10000);
        QFile secretFile(secret);
        QVERIFY(secretFile.open(QIODevice::ReadOnly));
        const QByteArray secretBytes = secretFile.readAll();
        for (const ReceivedPart &part : m_server->requests().first().parts)
            QVERIFY(part.data != secretBytes);

        // Yes: the user knows the file, and it is used.
        asked.clear();
        answerOutsideFilesQuestion(QMessageBox::Yes, &asked);
        m_window->openImages({exported});
        QVERIFY(!asked.isEmpty());
        QCOMPARE(m_window->currentRequest().images, QStringList {secret});
    }

    void plainImagesBecomeReferencesForAnEdit()
    {
        QImage pixels(40, 40, QImage::Format_RGB32);
        pixels.fill(Qt::cyan);
        const QString path = m_library->filePath(u"reference.png"_s);
        pixels.save(path);
        m_window->openImages({path});
        QCOMPARE(m_window->parameterPanel()->endpoint(), Endpoint::Edits);
        QCOMPARE(m_window->currentRequest().images, QStringList {path});

        // And from the clipboard: the pasted image is kept as a file and added too.
        QGuiApplication::clipboard()->setImage(pixels);
        m_window->pasteImage();
        const QStringList images = m_window->currentRequest().images;
        QCOMPARE(images.size(), 2);
        QVERIFY(images.last().contains(u".pasted"_s));
        QCOMPARE(QImage(images.last()).size(), QSize(40, 40));
    }

    // `atelier a.png b.png` and "Open with Atelier": the first opens in the painter, the others
    // join it as references; a file that is no image is refused, saying so, and changes nothing.
    void commandLineImagesOpenInThePainter()
    {
        QTemporaryDir outside;
        const QString first = outside.filePath(u"first.png"_s);
        const QString second = outside.filePath(u"second.jpg"_s);
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(first));
        QVERIFY(image.save(second));
        const QString notAnImage = outside.filePath(u"notes.png"_s);
        QFile notes(notAnImage);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("shopping list");
        notes.close();

        QVERIFY(!m_window->openForEditing({notAnImage}));
        QVERIFY(m_window->currentRequest().images.isEmpty());
        QVERIFY(statusText().contains(u"notes.png"_s));

        QVERIFY(m_window->openForEditing({first, second}));
        QCOMPARE(m_window->centerTabs()->currentWidget(), m_window->maskPainter());
        QCOMPARE(m_window->maskPainter()->imagePath(), first);
        QCOMPARE(m_window->currentRequest().endpoint, Endpoint::Edits);
        QCOMPARE(m_window->currentRequest().images, (QStringList {first, second}));
    }

    void aPastedImageWithNothingElseOpensInThePainter()
    {
        QImage pixels(48, 32, QImage::Format_RGB32);
        pixels.fill(Qt::magenta);
        QGuiApplication::clipboard()->setImage(pixels);
        m_window->pasteImage();
        QCOMPARE(m_window->parameterPanel()->endpoint(), Endpoint::Edits);
        QCOMPARE(m_window->centerTabs()->currentWidget(), m_window->maskPainter());
        QVERIFY(m_window->maskPainter()->hasImage());
        QCOMPARE(m_window->maskPainter()->document()->size(), QSize(48, 32));
        QCOMPARE(m_window->currentRequest().images,
                 QStringList {m_window->maskPainter()->imagePath()});
    }

    void presetsAndWildcardsShowWhatWillBeSent()
    {
        QSettings().setValue(u"presets/watercolour"_s, u"a watercolour of {prompt}, soft light"_s);
        MainWindow window(m_session.get());
        const int preset = window.presetBox()->findText(u"watercolour"_s);
        QVERIFY(preset > 0);
        window.presetBox()->setCurrentIndex(preset);
        ImageRequest recipe;
        recipe.model = u"gpt-image-1"_s;
        recipe.setOption(Param::Quality, u"low"_s);
        recipe.setOption(Param::Size, u"1024x1024"_s);
        window.parameterPanel()->applyRequest(recipe);
        window.promptEditor()->setPrompt(u"a {red|blue} fox"_s);
        QCOMPARE(window.expandedPrompts().valueOr({}),
                 (QStringList {u"a watercolour of a red fox, soft light"_s,
                               u"a watercolour of a blue fox, soft light"_s}));
        bool shown = false;
        for (QLabel *label : window.findChildren<QLabel *>())
            shown = shown || label->text().startsWith(u"2 prompts × $0.011"_s);
        QVERIFY(shown);
        // Too many combinations: refused before sending, with the count.
        window.promptEditor()->setPrompt(u"{a|b|c|d|e} {a|b|c|d|e} {a|b|c|d|e}"_s);
        QVERIFY(!window.generateButton()->isEnabled());
        QVERIFY(window.generateButton()->toolTip().contains(u"125"_s));
        QSettings().remove(u"presets"_s);
    }

    void settingsListSavedProviders()
    {
        StudioSession::saveProfiles({gatewayProfile(m_server->baseUrl(), u"gateway"_s)});
        SettingsDialog dialog(m_session.get(), u"a test"_s);
        QCOMPARE(dialog.providerBox()->count(), 2);
        QCOMPARE(dialog.providerBox()->itemText(0), u"Environment"_s);
        dialog.chooseProvider(u"gateway"_s);
        QCOMPARE(m_session->client()->provider().name, u"gateway"_s);
        QCOMPARE(dialog.providerBox()->currentText(), u"gateway"_s);
        StudioSession::saveProfiles({});
        QSettings().remove(u"providers/active"_s);
    }

    // After a crash: the unfinished request is offered again, and the dialog says its partial
    // images are in the gallery (where they are).
    void crashedRequestIsOfferedWithItsPartials()
    {
        m_window.reset();
        m_session.reset();
        {
            ImageRequest request;
            request.model = u"gpt-image-1"_s;
            request.prompt = u"a lighthouse, interrupted"_s;
            QImage pixels(40, 30, QImage::Format_RGB32);
            pixels.fill(Qt::darkCyan);
            QVERIFY(Testing::journalOfACrashedProcess(m_library->path(), request,
                                                      {ContentFiles::png(pixels)})
                    > 0);
        }
        m_session = newSession(); // with a key: no onboarding dialog first
        QVERIFY(m_session->openLibrary(m_library->path()));
        QString informative;
        QTimer answer; // the window asks once its event loop runs
        answer.setInterval(10);
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            answer.stop();
            informative = box->informativeText();
            for (QAbstractButton *button : box->buttons()) {
                if (button->text() == u"Dismiss"_s)
                    button->click();
            }
        });
        answer.start();
        m_window = std::make_unique<MainWindow>(m_session.get());
        m_window->show();
        QTRY_VERIFY(!informative.isEmpty());
        QVERIFY2(informative.startsWith(u"1 partial image"_s)
                     && informative.endsWith(u"in the gallery."_s),
                 qPrintable(informative));
        QCOMPARE(m_session->library().count(), 1);
        QVERIFY(m_session->library().journaledJobs().isEmpty());
    }

    void settingsEditASavedProfile()
    {
        StudioSession::saveProfiles(
            {gatewayProfile(QUrl(u"https://old.example/v1"_s), u"gateway"_s)});
        SettingsDialog dialog(m_session.get(), u"a test"_s);
        dialog.chooseProvider(u"gateway"_s);
        bool edited = false;
        QTimer::singleShot(0, this, [&] {
            auto *profileDialog = qobject_cast<ProfileDialog *>(QApplication::activeModalWidget());
            QVERIFY(profileDialog);
            auto *name = profileDialog->findChildren<QLineEdit *>().first();
            QCOMPARE(name->text(), u"gateway"_s);
            QVERIFY(name->isReadOnly()); // the key is kept under the name
            auto *baseUrl = profileDialog->findChild<QLineEdit *>(u"baseUrl"_s);
            QCOMPARE(baseUrl->text(), u"https://old.example/v1"_s);
            baseUrl->setText(m_server->baseUrl().toString());
            profileDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
            edited = true;
        });
        dialog.editProfile();
        QVERIFY(edited);
        QCOMPARE(StudioSession::savedProfiles().size(), 1);
        QCOMPARE(StudioSession::savedProfiles().first().baseUrl, m_server->baseUrl());
        QCOMPARE(m_session->client()->provider().baseUrl, m_server->baseUrl()); // in use at once
        StudioSession::saveProfiles({});
        QSettings().remove(u"providers/active"_s);
    }

    void settingsDefaultModelAndLibraryFolder()
    {
        SettingsDialog dialog(m_session.get(), u"a test"_s);
        QCOMPARE(dialog.defaultModelBox()->currentIndex(), 0); // the last one used
        dialog.defaultModelBox()->setCurrentIndex(
            dialog.defaultModelBox()->findData(u"dall-e-3"_s));
        QTemporaryDir elsewhere;
        QVERIFY(!dialog.chooseLibraryFolder(u"/proc/atelier-cannot-be-here"_s));
        QCOMPARE(dialog.chosenLibraryFolder(),
                 StudioSession::configuredLibraryFolder()); // unchanged
        QVERIFY(dialog.chooseLibraryFolder(elsewhere.path()));
        dialog.apply();
        QCOMPARE(StudioSession::configuredLibraryFolder(), elsewhere.path());
        QCOMPARE(SettingsDialog::defaultModel(), u"dall-e-3"_s);

        MainWindow next(m_session.get());
        QCOMPARE(next.parameterPanel()->request().model, u"dall-e-3"_s);

        QSettings().remove(u"studio/defaultModel"_s);
        StudioSession::setConfiguredLibraryFolder(QString());
        QCOMPARE(StudioSession::configuredLibraryFolder(), StudioSession::defaultLibraryFolder());
    }

    void galleryImagesOpenInThePreview()
    {
        // Two library images; activating them quickly shows the last one (read and fitted off
        // the GUI thread), at full size with a view-sized copy; a file that is gone says so.
        QList<QImage> made;
        for (const QColor color : {QColor(Qt::yellow), QColor(Qt::darkCyan)}) {
            LibraryImage image;
            image.request.prompt = u"a %1 square"_s.arg(color.name());
            image.request.model = u"gpt-image-1"_s;
            QImage pixels(2400, 1600, QImage::Format_RGB32);
            pixels.fill(color);
            pixels.setPixel(7, 5, qRgb(1, 2, 3));
            const Result<qint64> id = saveImage(m_session->library(), image, pixels);
            QVERIFY2(id, qPrintable(id.error()));
            made.append(pixels);
        }
        m_window->libraryModel()->reload();
        QAbstractItemView *view = m_window->gallery()->view();
        QCOMPARE(view->model()->rowCount(), 2);
        for (int row : {0, 1})
            Q_EMIT view->activated(view->model()->index(row, 0));
        const QModelIndex last = view->model()->index(1, 0);
        QTRY_COMPARE(m_window->preview()->caption(),
                     last.data(LibraryModel::PromptRole).toString());
        const QImage shown = m_window->preview()->image();
        QCOMPARE(shown.size(), QSize(2400, 1600));
        QCOMPARE(shown.pixel(7, 5), qRgb(1, 2, 3));
        QCOMPARE(
            shown.pixel(100, 100),
            made.at(last.data(LibraryModel::PromptRole).toString().contains(u"ffff00"_s) ? 0 : 1)
                .pixel(100, 100));

        QVERIFY(QFile::remove(view->model()->index(0, 0).data(LibraryModel::PathRole).toString()));
        Q_EMIT view->activated(view->model()->index(0, 0));
        QTRY_VERIFY(statusText().contains(u"could not be read"_s));
        QCOMPARE(m_window->preview()->caption(),
                 last.data(LibraryModel::PromptRole).toString()); // still shown
    }

    void lineageListsWhereAnImageCameFromWithIcons()
    {
        qint64 parent = 0;
        qint64 child = 0;
        for (const QColor color : {QColor(Qt::yellow), QColor(Qt::blue)}) {
            LibraryImage image;
            image.request.prompt = parent ? u"the edit"_s : u"the original"_s;
            image.request.model = u"gpt-image-1"_s;
            image.parentId = parent;
            QImage pixels(640, 480, QImage::Format_RGB32);
            pixels.fill(color);
            const Result<qint64> id = saveImage(m_session->library(), image, pixels);
            QVERIFY2(id, qPrintable(id.error()));
            (parent ? child : parent) = *id;
        }
        bool checked = false;
        QTimer::singleShot(0, this, [&] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            auto *list = dialog->findChild<QListWidget *>();
            QVERIFY(list);
            QCOMPARE(list->count(), 2);
            QVERIFY(list->item(0)->text().contains(u"the original"_s));
            QVERIFY(list->item(1)->text().contains(u"the edit"_s));
            // The icons arrive from a worker thread, made from the images themselves.
            QTRY_VERIFY(!list->item(0)->icon().isNull() && !list->item(1)->icon().isNull());
            const QImage icon = list->item(0)->icon().pixmap(QSize(64, 64)).toImage();
            QCOMPARE(icon.pixelColor(icon.width() / 2, icon.height() / 2), QColor(Qt::yellow));
            Q_EMIT list->itemDoubleClicked(list->item(0));
            dialog->close();
            checked = true;
        });
        Q_EMIT m_window->gallery()->lineageRequested(child);
        QVERIFY(checked);
        QTRY_VERIFY(m_window->preview()->caption().contains(u"From"_s)); // opened from the list
        QCOMPARE(m_window->preview()->image().pixelColor(5, 5), QColor(Qt::yellow));
    }

    void libraryFolderSwitchesAtOnce()
    {
        auto *gallery = m_window->findChild<GalleryPanel *>();
        QVERIFY(gallery);
        QAbstractItemModel *shown = gallery->view()->model();
        const QString first = m_session->libraryFolder();
        LibraryImage image;
        image.request.prompt = u"kept in the first library"_s;
        image.request.model = u"gpt-image-1"_s;
        image.format = u"png"_s;
        QImage pixels(32, 32, QImage::Format_RGB32);
        pixels.fill(Qt::yellow);
        image.size = pixels.size();
        image.path
            = LibraryStore::writeFiles(first, image, ContentFiles::png(pixels)).valueOr(QString());
        QVERIFY(m_session->library().add(image));
        m_window->findChild<LibraryModel *>()->reload();
        QCOMPARE(shown->rowCount(), 1);

        QTemporaryDir elsewhere;
        {
            SettingsDialog dialog(m_session.get(), u"a test"_s);
            QVERIFY(dialog.chooseLibraryFolder(elsewhere.path()));
            dialog.apply();
        }
        QCOMPARE(m_session->libraryFolder(), elsewhere.path());
        QCOMPARE(shown->rowCount(), 0); // the new, empty library, without a restart
        QVERIFY(QFileInfo::exists(elsewhere.filePath(u"library.sqlite3"_s)));

        // While a job runs, its images belong to the library it was sent from: not switched.
        m_server->stallNextStream();
        ImageRequest streamed;
        streamed.model = u"gpt-image-1"_s;
        streamed.prompt = u"still running"_s;
        streamed.setOption(Param::Stream, true);
        streamed.setOption(Param::PartialImages, 1);
        QVERIFY(m_session->submit(streamed).isEmpty());
        QTRY_COMPARE(m_server->requestCount(), 1);
        const Status refused = m_session->switchLibrary(first);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QDir::toNativeSeparators(elsewhere.path())),
                 qPrintable(refused.error()));
        QCOMPARE(m_session->libraryFolder(), elsewhere.path());
        m_session->cancel(m_session->jobs()->idAt(0));
        QTRY_VERIFY(m_session->library().journaledJobs().isEmpty());

        const Status switched = m_session->switchLibrary(first);
        QVERIFY2(switched, qPrintable(switched.error()));
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, 0).data(LibraryModel::PromptRole).toString(),
                 u"kept in the first library"_s);
        StudioSession::setConfiguredLibraryFolder(QString());
    }

    void testConnectionListsWhatTheKeyCanUse()
    {
        m_server->setModels({u"gpt-4o"_s, u"gpt-image-1.5"_s, u"dall-e-3"_s});
        SettingsDialog dialog(m_session.get(), u"a test"_s);
        auto *test = dialog.findChild<QPushButton *>();
        for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
            if (button->text() == u"Test connection"_s)
                test = button;
        }
        QVERIFY(test);
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.connectionStatus()->text().startsWith(u"The key works"_s),
                                 10000);
        QVERIFY(dialog.connectionStatus()->text().contains(u"dall-e-3, gpt-image-1.5"_s));
        QVERIFY(!dialog.connectionStatus()->text().contains(u"gpt-4o"_s)); // not an image model
    }

    void parametersPersistAcrossRestarts()
    {
        ImageRequest recipe;
        recipe.model = u"gpt-image-2"_s;
        recipe.setOption(Param::Size, u"1536x864"_s);
        m_window->parameterPanel()->applyRequest(recipe);
        m_window->close();
        MainWindow second(m_session.get());
        QCOMPARE(second.parameterPanel()->request(), recipe);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
