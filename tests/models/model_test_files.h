#pragma once
// Reading and writing the small files of the model tests (fixtures, side files): JSON objects and
// raw bytes, failing the test run loudly when a file cannot be read or written.
#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QtGlobal>

namespace model_test {

inline QJsonObject readJson(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file));
    return QJsonDocument::fromJson(f.readAll()).object();
}

inline void writeFile(const QString& file, const QByteArray& bytes)
{
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(file));
    f.write(bytes);
}

inline void writeJson(const QString& file, const QJsonObject& o)
{
    writeFile(file, QJsonDocument(o).toJson());
}

} // namespace model_test
