<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>The demo project could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskViewData</name>
    <message>
        <source>%1: %2 pts (rank %3 %, weight %4 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, window %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EWMA (λ 0.94)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GARCH(1,1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified (Cornish-Fisher)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::BacktestChart</name>
    <message>
        <source>Daily return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VaR forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceedance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceedances (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the risk analysis to backtest the VaR forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: VaR forecast %2 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::BacktestView</name>
    <message>
        <source>Exceedances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days whose return fell below the VaR forecast, against the number expected at this confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kupiec POF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kupiec&apos;s proportion-of-failures test: is the exceedance rate the expected one? Likelihood ratio, chi-squared with 1 degree of freedom; a p-value below 0.05 rejects the VaR model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Christoffersen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Christoffersen&apos;s independence test: do exceedances cluster? Likelihood ratio, chi-squared with 1 degree of freedom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basel zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basel traffic light from the binomial distribution of exceedances: green below 95 %, yellow below 99.99 %, red above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VaR backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backtest yet: the period must be longer than the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VaR backtest (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 days (expected %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LR %1, p %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the 5 % level the tests reject this VaR model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the 5 % level the tests do not reject this VaR model.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::CorrelationHeatmap</name>
    <message>
        <source>%1 / %2: correlation %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the risk analysis to see the correlations of the holdings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::HoldingsModel</name>
    <message>
        <source>Needs a quantity and a stored close price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::HoldingsRiskModel</name>
    <message>
        <source>No score for this holding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk score %1 (%2 zone: green &lt; 40, amber 40-70, red &gt; 70)
Points per factor (rank among the holdings):
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component VaR is not available for the %1 method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial weight of the holding in the portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample standard deviation of daily returns, annualised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value at risk at %1 % confidence, %2 method, one day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected shortfall (mean loss beyond VaR) at %1 % confidence, %2 method, one day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest peak-to-trough fall over the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beta against the benchmark (OLS of daily returns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Euler contribution to the portfolio VaR at the selected confidence; the contributions sum to the portfolio figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component VaR as a share of the portfolio VaR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 (least risky) to 100 (most risky) among the holdings: weighted rank of volatility, modified ES, drawdown, beta and VaR share (see docs/risk.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VaR
%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ES
%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max
drawdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component
VaR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VaR
share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk
score</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ImportController</name>
    <message>
        <source>Importing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Importing %n files</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ImportOptionsDialog</name>
    <message>
        <source>Import Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices, long (date, ticker, OHLCV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices, wide (date + one column per ticker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One instrument&apos;s OHLCV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdings (ticker + quantity or weight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM/DD/YYYY (month first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DD.MM.YYYY or DD/MM/YYYY (day first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed when every date in a file could be read either way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker of a single-instrument OHLCV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio that a holdings file replaces or creates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Files…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ImportReportDialog</name>
    <message>
        <source>Prices (long)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices (wide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OHLCV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows can be imported; %2 rows were rejected and will be skipped. Nothing is written to the project until you choose &quot;Import&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected rows (first %1 of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the accepted rows to the project and skip the rejected ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the project exactly as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Files&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::InspectorPanel</name>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change over range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OHLC data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an instrument in the project tree or the Instruments table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes (candlesticks available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close only</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more instrument(s) overlaid in the chart.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::InstrumentsModel</name>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::IssuesPanel</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::JobsBar</name>
    <message>
        <source>%1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel this job; the project stays as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::MainWindow</name>
    <message>
        <source>Prices</source>
        <translation>Kurse</translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a new project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New untitled project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>MarketLens projects (*.mlens);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>MarketLens projects (*.mlens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The untitled project holds data that has not been saved to a file. Save it first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — MarketLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved to a file yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>Unbenanntes Projekt</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <source>Price and holdings files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is already running; wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; the project is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

To set the file layout or date format yourself, use File &gt; Import Files With Options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import could not be saved; the project is unchanged.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import aborted; the project is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 (%2): %3 rows accepted, %4 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 rows (untitled project: use Save As to keep it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 rows; all changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About MarketLens</source>
        <translation>Über MarketLens</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MarketLens %1&lt;/h3&gt;&lt;p&gt;Desktop analytics for financial analysts.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Saving:&lt;/b&gt; every change is written to the project file (.mlens) immediately; the file on disk is always the saved state. A new project is &quot;Untitled&quot; and lives in a temporary folder until you choose &lt;i&gt;File &amp;gt; Save As&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;License: GNU General Public License, version 3 or later (GPL-3.0-or-later). Built with Qt %2 and SQLite.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the running import before quitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrives with a later version of MarketLens</source>
        <translation>Kommt mit einer späteren Version von MarketLens</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>&amp;Systemsprache</translation>
    </message>
    <message>
        <source>Takes effect when MarketLens is restarted</source>
        <translation>Wirkt nach einem Neustart von MarketLens</translation>
    </message>
    <message>
        <source>The language change applies after MarketLens is restarted.</source>
        <translation>Die neue Sprache gilt nach einem Neustart von MarketLens.</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <source>Start an untitled project (Ctrl+N)</source>
        <translation>Ein unbenanntes Projekt beginnen (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a MarketLens project file (.mlens) (Ctrl+O)</source>
        <translation>Eine MarketLens-Projektdatei (.mlens) öffnen (Ctrl+O)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Copy the project to a new file and continue there (Ctrl+Shift+S). There is no &quot;Save&quot;: every change is written to the project file at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>Import price or holdings CSV files (Ctrl+I); you can also drop files onto the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Files With &amp;Options…</source>
        <translation>Dateien mit &amp;Optionen importieren…</translation>
    </message>
    <message>
        <source>Import with an explicit file layout, date format, ticker or portfolio name (Ctrl+Shift+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit MarketLens (Ctrl+Q)</source>
        <translation>MarketLens beenden (Ctrl+Q)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected table rows as tab-separated text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select All &amp;Instruments</source>
        <translation>Alle &amp;Instrumente auswählen</translation>
    </message>
    <message>
        <source>Overlay every instrument in the chart</source>
        <translation>Alle Instrumente im Diagramm überlagern</translation>
    </message>
    <message>
        <source>Clear &amp;Issues</source>
        <translation>&amp;Probleme leeren</translation>
    </message>
    <message>
        <source>Empty the Issues panel</source>
        <translation>Die Problemliste leeren</translation>
    </message>
    <message>
        <source>&amp;About MarketLens</source>
        <translation>Ü&amp;ber MarketLens</translation>
    </message>
    <message>
        <source>Version, license and how saving works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>Da&amp;ten</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>Risk Metrics</source>
        <translation>Risikokennzahlen</translation>
    </message>
    <message>
        <source>Correlation Matrix</source>
        <translation>Korrelationsmatrix</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>Forecast Prices</source>
        <translation>Kursprognose</translation>
    </message>
    <message>
        <source>News Sentiment</source>
        <translation>Nachrichtenstimmung</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Bericht</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Show or hide the %1 panel</source>
        <translation>Bereich „%1“ ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Issues (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>MarketLens writes every change to the project file immediately; the file on disk is always the saved state. An untitled project lives in a temporary folder until you use Save As.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the %1 panel</source>
        <translation>Bereich „%1“ anzeigen</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PriceChartView</name>
    <message>
        <source>Wheel: zoom around the cursor
Drag: zoom to the dragged date range
Shift+drag or middle-drag: pan; arrow keys pan, +/- zoom
Double-click or Home: show everything
Click a legend entry to hide or show its series
Right-click: rebase, candlesticks, copy, export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebase to 100</source>
        <translation>Auf 100 normieren</translation>
    </message>
    <message>
        <source>Divide each series by its value at the first visible date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candlesticks</source>
        <translation>Kerzen</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PricesTab</name>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Show the whole date range (Ctrl+0, or double-click the chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebase to 100</source>
        <translation>Auf 100 normieren</translation>
    </message>
    <message>
        <source>Rebase every series to 100 at the first visible date (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candlesticks</source>
        <translation>Kerzen</translation>
    </message>
    <message>
        <source>Draw candlesticks when one instrument with open/high/low/close data is shown (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Select several instruments to overlay them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio shown in the holdings table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or several instruments (Ctrl/Shift+click) to show them in the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Instruments</source>
        <translation>Instrumente</translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ProjectController</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ProjectTree</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stored in the project file. Select instruments to overlay them; drop CSV files here to import them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolios</source>
        <translation>Portfolios</translation>
    </message>
    <message numerus="yes">
        <source>%n holding(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to show the holdings of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruments</source>
        <translation>Instrumente</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to open %1 in the Prices tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ReturnHistogramView</name>
    <message>
        <source>Portfolio returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the risk analysis to see the return distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2: %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>VaR%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VaR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ES%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VaR%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ES%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RiskChartView</name>
    <message>
        <source>Drag: zoom to the dragged range; wheel: zoom
Double-click: show everything
Click a legend entry to hide or show its series
Right-click: copy or export the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RiskRunController</name>
    <message>
        <source>Risk analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the last risk run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RiskView</name>
    <message>
        <source>Distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VaR backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily portfolio returns with the VaR and ES lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the portfolio stood below its previous peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling, EWMA and GARCH(1,1) volatility, annualised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling one-day VaR forecast against the realised returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation of daily returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio whose holdings are analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence level of VaR and ES, between 0.5 and 0.9999 (0.95 = the worst 5 % of days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historical: empirical quantile; Gaussian: normal distribution; Modified: Cornish-Fisher (skewness and kurtosis); Monte Carlo: multivariate normal simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window of the rolling volatility and of the VaR backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark for beta (none: no beta factor in the score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First price date used (inclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last price date used (inclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute every measure now and store the run in the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running risk analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conventions of the numbers shown (see docs/risk.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the holdings table, in its current order, to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>risk-holdings.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All instruments (equal weight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confidence must be a number between 0.5 and 0.9999, e.g. 0.975.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project to analyse its risk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is running; the risk analysis runs when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk analysis cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk analysis failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk run stored in this project yet: choose the parameters and press Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored run of %1 (not recomputed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run could not be stored in the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: VaR %2, ES %3 (%4) · volatility %5 · max drawdown %6 · %7 days, %8 to %9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No risk run shown yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prices have changed since this run was computed: press Run to update it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RollingVolView</name>
    <message>
        <source>Annualised volatility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the risk analysis to see the volatility over time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>marketlens::ui::UnderwaterView</name>
    <message>
        <source>Drawdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum drawdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below previous peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the risk analysis to see the drawdowns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum drawdown %1 % on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
peak %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, recovered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, not recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drawdown in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 % below the previous peak</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
