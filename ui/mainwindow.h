#pragma once

#include <QMainWindow>

namespace kindred {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace kindred
