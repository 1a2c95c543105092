// CsvReader: quoting, line breaks, BOM, delimiter sniffing, line numbers, block boundaries,
// hashing every byte once, progress and cancel.
#include "core/csv_reader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <string>
#include <vector>

using namespace marketlens::core;

namespace {

struct Rec {
    std::int64_t line;
    std::vector<std::string> fields;
};

std::vector<Rec> readAll(const std::string& path, CsvOptions options, Status* status = nullptr,
                         char* delimiter = nullptr)
{
    auto r = CsvReader::open(path, std::move(options));
    if (!r)
        qFatal("open failed: %s", r.error().toString().c_str());
    std::vector<Rec> out;
    while (r->next()) {
        Rec rec{r->line(), {}};
        for (auto f : r->fields())
            rec.fields.emplace_back(f);
        out.push_back(std::move(rec));
    }
    if (status)
        *status = r->status();
    if (delimiter)
        *delimiter = r->delimiter();
    return out;
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    std::string write(const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.csv").arg(++m_n));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write fixture");
        f.write(bytes);
        return path.toStdString();
    }

private Q_SLOTS:
    void quotingAndLineNumbers()
    {
        // Record 3 has a quoted field with two line breaks and a doubled quote; the records
        // after it must report their physical lines (5 and 6 are inside record 3).
        const QByteArray text = "a,b,c\n"
                                "1,\"x,y\",3\n"
                                "2,\"line1\nline2\nsays \"\"hi\"\"\",4\n"
                                "5,,\"\"\n"
                                "6,last,7";
        for (std::size_t block : {std::size_t(2) << 20, std::size_t(64)}) {
            CsvOptions o;
            o.blockSize = block;
            Status st;
            const auto recs = readAll(write(text), o, &st);
            QVERIFY(st.ok());
            QCOMPARE(recs.size(), std::size_t(5));
            QCOMPARE(recs[1].line, 2);
            QCOMPARE(recs[1].fields[1], std::string("x,y"));
            QCOMPARE(recs[2].line, 3);
            QCOMPARE(recs[2].fields[1], std::string("line1\nline2\nsays \"hi\""));
            QCOMPARE(recs[2].fields[2], std::string("4"));
            QCOMPARE(recs[3].line, 6);
            QCOMPARE(recs[3].fields.size(), std::size_t(3));
            QCOMPARE(recs[3].fields[1], std::string());
            QCOMPARE(recs[3].fields[2], std::string());
            QCOMPARE(recs[4].line, 7);
            QCOMPARE(recs[4].fields[2], std::string("7")); // no final newline
        }
    }

    void crlfBomAndBlankLines()
    {
        const QByteArray text = "\xEF\xBB\xBF" "Date;Close\r\n2020-01-02;1,5\r\n\r\n\"2020-01-03\";2\r\n";
        auto r = CsvReader::open(write(text));
        QVERIFY(r.ok());
        QVERIFY(r->hadBom());
        QCOMPARE(r->delimiter(), ';');
        QVERIFY(r->next());
        QCOMPARE(std::string(r->fields()[0]), std::string("Date")); // BOM not part of the name
        QCOMPARE(std::string(r->fields()[1]), std::string("Close")); // no trailing \r
        QVERIFY(r->next());
        QCOMPARE(std::string(r->fields()[1]), std::string("1,5"));
        QVERIFY(r->next());
        QCOMPARE(r->line(), 4); // the blank line 3 is skipped but counted
        QCOMPARE(std::string(r->fields()[0]), std::string("2020-01-03"));
        QCOMPARE(std::string(r->fields()[1]), std::string("2"));
        QVERIFY(!r->next());
        QVERIFY(r->status().ok());
    }

    void sniffing_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<char>("expected");
        QTest::newRow("comma") << QByteArray("a,b,c\n1,2,3\n") << ',';
        QTest::newRow("semicolon decimal comma")
            << QByteArray("Date;Close;Volume\n2020-01-02;1,23;5\n2020-01-03;1,5;6\n") << ';';
        QTest::newRow("tab") << QByteArray("Date\tA B\tC\n2020-01-02\t1,5\t2\n") << '\t';
        QTest::newRow("pipe") << QByteArray("Date|Ticker|Close\n2020-01-02|\"A|B\"|1\n") << '|';
        QTest::newRow("quoted commas in semicolon file")
            << QByteArray("\"x,y\";\"z,w,v\"\n\"1,2\";\"3\"\n") << ';';
        QTest::newRow("one column") << QByteArray("Close\n1\n2\n") << ',';
    }
    void sniffing()
    {
        QFETCH(QByteArray, text);
        QFETCH(char, expected);
        char d = 0;
        readAll(write(text), {}, nullptr, &d);
        QCOMPARE(d, expected);
    }

    void explicitDelimiter()
    {
        CsvOptions o;
        o.delimiter = ';';
        const auto recs = readAll(write("a,b;c\n1,2;3\n"), o);
        QCOMPARE(recs[1].fields.size(), std::size_t(2));
        QCOMPARE(recs[1].fields[0], std::string("1,2"));
    }

    void unterminatedQuote()
    {
        Status st;
        const auto recs = readAll(write("a,b\n1,\"open\n2,3\n"), {}, &st);
        QCOMPARE(recs.size(), std::size_t(1));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::BadData);
        QCOMPARE(st.error().line, 2);
    }

    // A record with a field over 1 MiB is skipped, whatever the block size: the reader goes on
    // with the next record and takeSkipped() names each skipped record's line, in file order.
    void recordsWithAnOversizedFieldAreSkipped()
    {
        const QByteArray big(1'200'000, 'z');
        const QByteArray text = "a,b\n1,2\n3,\"" + big + "\"\n" + big + ",x\n\"multi\nline\",4\n5,6\n";
        for (std::size_t block : {std::size_t(2) << 20, std::size_t(64 << 10)}) {
            CsvOptions o;
            o.blockSize = block;
            auto r = CsvReader::open(write(text), o);
            QVERIFY(r);
            std::vector<std::pair<std::int64_t, std::string>> rows;
            std::vector<Error> skipped;
            while (r->next()) {
                for (Error& e : r->takeSkipped())
                    skipped.push_back(std::move(e));
                rows.emplace_back(r->line(), std::string(r->fields().at(0)));
            }
            QVERIFY(r->status().ok());
            QVERIFY(r->takeSkipped().empty());
            QCOMPARE(rows.size(), std::size_t(4));
            QCOMPARE(rows[1], (std::pair<std::int64_t, std::string> {2, "1"}));
            QCOMPARE(rows[2], (std::pair<std::int64_t, std::string> {5, "multi\nline"}));
            QCOMPARE(rows[3], (std::pair<std::int64_t, std::string> {7, "5"}));
            QCOMPARE(skipped.size(), std::size_t(2));
            QCOMPARE(skipped[0].line, 3);
            QCOMPARE(skipped[1].line, 4);
            QCOMPARE(skipped[0].code, ErrorCode::BadData);
            QVERIFY(skipped[0].message.find("field 2 is longer than 1 MiB") != std::string::npos);
            QVERIFY(skipped[1].message.find("field 1 is longer than 1 MiB") != std::string::npos);
        }
    }

    void missingFile()
    {
        auto r = CsvReader::open(m_dir.filePath("nope.csv").toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Io);
        QVERIFY(r.error().file.find("nope.csv") != std::string::npos);
    }

    void streamsLargeFileInBlocks()
    {
        // 50,000 records through a 4 KiB block: every record and line number is right, every
        // byte is hashed exactly once, progress ends at the file size, memory stays bounded.
        QByteArray text = "id,name,value\n";
        for (int i = 0; i < 50000; ++i)
            text += QByteArray::number(i) + ",\"n" + QByteArray::number(i) + "\"," +
                    QByteArray::number(i * 0.5) + "\n";
        const std::string path = write(text);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        std::int64_t lastDone = 0, total = 0;
        int calls = 0;
        CsvOptions o;
        o.blockSize = 4096;
        o.onBlock = [&](const char* d, std::size_t n) {
            hash.addData(QByteArrayView(d, static_cast<qsizetype>(n)));
        };
        o.progress = [&](std::int64_t done, std::int64_t all) {
            lastDone = done;
            total = all;
            ++calls;
            return true;
        };
        auto r = CsvReader::open(path, o);
        QVERIFY(r.ok());
        std::int64_t count = 0;
        while (r->next()) {
            if (count > 0) {
                QCOMPARE(r->line(), count + 1);
                std::string expected = std::to_string(count - 1);
                expected.insert(expected.begin(), 'n');
                QCOMPARE(std::string(r->fields()[1]), expected);
            }
            ++count;
        }
        QVERIFY(r->status().ok());
        QCOMPARE(count, 50001);
        QCOMPARE(hash.result(), QCryptographicHash::hash(text, QCryptographicHash::Sha256));
        QCOMPARE(lastDone, std::int64_t(text.size()));
        QCOMPARE(total, std::int64_t(text.size()));
        QVERIFY(calls > 100);
    }

    void cancel()
    {
        QByteArray text;
        for (int i = 0; i < 10000; ++i)
            text += "1,2,3\n";
        CsvOptions o;
        o.blockSize = 1024;
        int calls = 0;
        o.progress = [&](std::int64_t, std::int64_t) { return ++calls < 3; };
        Status st;
        const auto recs = readAll(write(text), o, &st);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::Cancelled);
        QVERIFY(recs.size() < 10000);
    }

    void longRecordLargerThanBlock()
    {
        const QByteArray big(10000, 'x');
        CsvOptions o;
        o.blockSize = 256;
        const auto recs = readAll(write("a,b\n\"" + big + "\",2\n3,4\n"), o);
        QCOMPARE(recs.size(), std::size_t(3));
        QCOMPARE(recs[1].fields[0].size(), std::size_t(10000));
        QCOMPARE(recs[2].line, 3);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "test_csv_reader.moc"
