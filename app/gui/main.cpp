#include <QApplication>

#include "mainwindow.h"

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Kindred"));
    QApplication::setOrganizationName(QStringLiteral("Kindred"));
    QApplication::setApplicationVersion(QStringLiteral(KINDRED_VERSION));
    kindred::MainWindow window;
    window.show();
    return QApplication::exec();
}
