#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>

namespace kindred {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Kindred"));
    auto* placeholder = new QLabel(tr("Add a folder of photos to get started."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    statusBar()->showMessage(tr("Ready"));
    resize(1100, 720);
}

} // namespace kindred
