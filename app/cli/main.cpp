#include "atelierversion.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atelier-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATELIER_VERSION));
    QTextStream(stdout) << "atelier-cli " << ATELIER_VERSION << Qt::endl;
    return 0;
}
