#include <QCoreApplication>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    std::puts("kindred-cli " KINDRED_VERSION);
    return 0;
}
