/* Writes the libxlsxwriter fixtures of the xlsx import tests (Debian libxlsxwriter-dev 1.1.4):
 *   prices_long.xlsx  the rows of prices_long_xlsx.csv (written by hand) as real cells: dates as
 *                     date cells (serial numbers, format yyyy-mm-dd), tickers as shared strings,
 *                     numbers as numbers; two empty cells (an open, a trailing volume)
 *   bad_rows.xlsx     bad rows at known sheet rows: C4 text "abc", A6 text date "2020-13-45",
 *                     row 7 high < low; row 3 is empty
 *   holdings.xlsx     the holdings of holdings.csv as cells (numbers as numbers, one empty cost)
 * Build and run from this folder:
 *   cc make_xlsx_fixtures.c -o /tmp/make_xlsx_fixtures -lxlsxwriter && /tmp/make_xlsx_fixtures
 */
#include <xlsxwriter.h>

#include <math.h>

static lxw_datetime day(int y, int m, int d)
{
    lxw_datetime t = {y, m, d, 0, 0, 0.0};
    return t;
}

static void num(lxw_worksheet* ws, int r, int c, double v, lxw_format* f)
{
    if (!isnan(v))
        worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, v, f);
}

int main(void)
{
    static const char* header[] = {"Date", "Ticker", "Open", "High", "Low", "Close", "Volume"};
    struct Row {
        lxw_datetime date;
        const char* ticker;
        double v[5];
    } rows[] = {
        {{2020, 1, 2, 0, 0, 0.0}, "AAA", {10.5, 11.25, 10.25, 11, 1000}},
        {{2020, 1, 3, 0, 0, 0.0}, "AAA", {11, 11.5, 10.75, 11.125, 1500}},
        {{2020, 1, 6, 0, 0, 0.0}, "AAA", {NAN, 12, 11, 11.75, NAN}},
        {{2020, 1, 2, 0, 0, 0.0}, "BBB", {200.01, 201.5, 199.99, 200.5, 30000}},
        {{2020, 1, 3, 0, 0, 0.0}, "BBB", {0.1, 0.3, 0.1, 0.2, 12345678}},
        {{2020, 1, 6, 0, 0, 0.0}, "BBB", {1234.5678, 1240, 1230, 1235.4321, 99}},
    };
    lxw_workbook* wb = workbook_new("prices_long.xlsx");
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Prices");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    for (int c = 0; c < 7; ++c)
        worksheet_write_string(ws, 0, (lxw_col_t)c, header[c], NULL);
    for (int r = 0; r < 6; ++r) {
        worksheet_write_datetime(ws, (lxw_row_t)(r + 1), 0, &rows[r].date, date);
        worksheet_write_string(ws, (lxw_row_t)(r + 1), 1, rows[r].ticker, NULL);
        for (int k = 0; k < 5; ++k)
            num(ws, r + 1, 2 + k, rows[r].v[k], NULL);
    }
    if (workbook_close(wb) != LXW_NO_ERROR)
        return 1;

    wb = workbook_new("bad_rows.xlsx");
    ws = workbook_add_worksheet(wb, "Prices");
    date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    for (int c = 0; c < 7; ++c)
        worksheet_write_string(ws, 0, (lxw_col_t)c, header[c], NULL);
    lxw_datetime d2 = day(2020, 1, 2), d3 = day(2020, 1, 3), d6 = day(2020, 1, 6),
                 d7 = day(2020, 1, 7);
    const double good[5] = {1, 2, 0.5, 1.5, 100};
    /* row 2: good */
    worksheet_write_datetime(ws, 1, 0, &d2, date);
    worksheet_write_string(ws, 1, 1, "XYZ", NULL);
    for (int k = 0; k < 5; ++k)
        num(ws, 1, 2 + k, good[k], NULL);
    /* row 4: a text cell in the Open column (C4) */
    worksheet_write_datetime(ws, 3, 0, &d3, date);
    worksheet_write_string(ws, 3, 1, "XYZ", NULL);
    worksheet_write_string(ws, 3, 2, "abc", NULL);
    for (int k = 1; k < 5; ++k)
        num(ws, 3, 2 + k, good[k], NULL);
    /* row 5: good */
    worksheet_write_datetime(ws, 4, 0, &d6, date);
    worksheet_write_string(ws, 4, 1, "XYZ", NULL);
    for (int k = 0; k < 5; ++k)
        num(ws, 4, 2 + k, good[k] + 1, NULL);
    /* row 6: an impossible date typed as text */
    worksheet_write_string(ws, 5, 0, "2020-13-45", NULL);
    worksheet_write_string(ws, 5, 1, "XYZ", NULL);
    for (int k = 0; k < 5; ++k)
        num(ws, 5, 2 + k, good[k], NULL);
    /* row 7: high below low */
    worksheet_write_datetime(ws, 6, 0, &d7, date);
    worksheet_write_string(ws, 6, 1, "XYZ", NULL);
    const double inverted[5] = {1, 0.5, 2, 1, 10};
    for (int k = 0; k < 5; ++k)
        num(ws, 6, 2 + k, inverted[k], NULL);
    if (workbook_close(wb) != LXW_NO_ERROR)
        return 1;

    wb = workbook_new("holdings.xlsx");
    ws = workbook_add_worksheet(wb, "Holdings");
    static const char* hold[] = {"Symbol", "Shares", "Avg Cost", "CCY"};
    for (int c = 0; c < 4; ++c)
        worksheet_write_string(ws, 0, (lxw_col_t)c, hold[c], NULL);
    worksheet_write_string(ws, 1, 0, "AAPL", NULL);
    worksheet_write_number(ws, 1, 1, 100, NULL);
    worksheet_write_number(ws, 1, 2, 150.25, NULL);
    worksheet_write_string(ws, 1, 3, "usd", NULL);
    worksheet_write_string(ws, 2, 0, "msft", NULL);
    worksheet_write_number(ws, 2, 1, 50, NULL);
    worksheet_write_number(ws, 2, 2, 1210.5, NULL);
    worksheet_write_string(ws, 2, 3, "USD", NULL);
    worksheet_write_string(ws, 3, 0, "KO", NULL);
    worksheet_write_number(ws, 3, 1, 200, NULL);
    worksheet_write_string(ws, 3, 3, "EUR", NULL);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
