// atelier-fake-server: the local fake Images API as a process, for the CLI tests, the
// benchmark and manual runs. Prints "listening on PORT" once ready.
#include "fakeimagesserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A local stand-in for the OpenAI Images API."_s);
    parser.addHelpOption();
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on (0: any free port)."_s,
                                        u"port"_s, u"0"_s);
    const QCommandLineOption sizeOption(u"image-size"_s, u"Draw images at WxH (default 64x64)."_s,
                                        u"size"_s, u"64x64"_s);
    const QCommandLineOption requestedOption(u"use-requested-size"_s,
                                             u"Draw images at the size the request asks for."_s);
    const QCommandLineOption noiseOption(
        u"noise"_s, u"Photo-like images (noise), so PNG sizes are realistic."_s);
    const QCommandLineOption delayOption(u"event-delay-ms"_s, u"Delay between streamed events."_s,
                                         u"ms"_s, u"0"_s);
    const QCommandLineOption keyOption(u"api-key"_s, u"Only accept this key."_s, u"key"_s);
    const QCommandLineOption rateOption(
        u"rate-mbit"_s,
        u"Stream at most this many megabits a second, as a network link would (0: no limit)."_s,
        u"mbit"_s, u"0"_s);
    const QCommandLineOption burstOption(
        u"burst"_s,
        u"Write a streamed answer's whole body at once, not event by event (a fast, bursty link)."_s);
    const QCommandLineOption lineupOption(
        u"openai-models"_s,
        u"List OpenAI's models of 2026-12-01 with their shutdown dates, and answer shut-down ones with 404 model_not_found."_s);
    const QCommandLineOption todayOption(u"today"_s,
                                         u"The server's date for shutdowns (default 2026-12-01)."_s,
                                         u"YYYY-MM-DD"_s, u"2026-12-01"_s);
    parser.addOptions({portOption, sizeOption, requestedOption, noiseOption, delayOption, keyOption,
                       rateOption, burstOption, lineupOption, todayOption});
    const QCommandLineOption batchStepOption(
        u"batch-step-ms"_s,
        u"Batches: each state lasts this long (0: one state per GET /batches/{id})."_s, u"ms"_s,
        u"0"_s);
    const QCommandLineOption batchExpireOption(
        u"batch-expire-after"_s,
        u"Batches: run only this many requests, then expire (-1: never)."_s, u"n"_s, u"-1"_s);
    const QCommandLineOption batchMalformedOption(
        u"batch-malformed-line"_s, u"Batches: write this line of each output file cut short."_s,
        u"n"_s, u"0"_s);
    parser.addOptions({batchStepOption, batchExpireOption, batchMalformedOption});
    const QCommandLineOption noResponsesOption(
        u"no-responses"_s,
        u"Answer POST /responses with 404, as a provider without the Responses API does."_s);
    parser.addOption(noResponsesOption);
    parser.process(app);

    AtelierTest::FakeImagesServer server;
    const QStringList size = parser.value(sizeOption).split(u'x');
    server.setImageSize(QSize(size.value(0).toInt(), size.value(1).toInt()));
    server.setUseRequestedSize(parser.isSet(requestedOption));
    server.setNoiseImages(parser.isSet(noiseOption));
    server.setEventDelayMs(parser.value(delayOption).toInt());
    server.setApiKey(parser.value(keyOption));
    server.setRateBytesPerSecond(qint64(parser.value(rateOption).toDouble() * 1e6 / 8));
    server.setBurst(parser.isSet(burstOption));
    if (parser.isSet(lineupOption))
        server.setModels(AtelierTest::FakeModelRules::openAiModels());
    const QDate today = QDate::fromString(parser.value(todayOption), Qt::ISODate);
    if (!today.isValid()) {
        QTextStream(stderr) << "--today needs YYYY-MM-DD, not " << parser.value(todayOption)
                            << Qt::endl;
        return 1;
    }
    server.setToday(today);
    server.batchApi().setStepMs(parser.value(batchStepOption).toInt());
    server.batchApi().setExpireAfter(parser.value(batchExpireOption).toInt());
    server.batchApi().setMalformedOutputLine(parser.value(batchMalformedOption).toInt());
    server.responsesApi().setAvailable(!parser.isSet(noResponsesOption));
    if (!server.listen(quint16(parser.value(portOption).toUInt()))) {
        QTextStream(stderr) << "cannot listen on port " << parser.value(portOption) << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "listening on " << server.port() << Qt::endl;
    return app.exec();
}
