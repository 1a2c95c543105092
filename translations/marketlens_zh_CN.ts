<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChartExport</name>
    <message>
        <source>nothing to export (no chart, or an empty size)</source>
        <translation>没有可导出的内容（没有图表，或尺寸为空）</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Copy the chart to the clipboard as an image</source>
        <translation>将图表作为图像复制到剪贴板</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Export &amp;Chart…</source>
        <translation>导出图表(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the focused or visible chart as PNG, SVG or PDF at a chosen size</source>
        <translation>将当前聚焦或可见的图表按所选尺寸保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Export &amp;Table…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <source>Save the focused or visible table as CSV or Excel (.xlsx)</source>
        <translation>将当前聚焦或可见的表格保存为 CSV 或 Excel (.xlsx)</translation>
    </message>
</context>
<context>
    <name>ModelImport</name>
    <message>
        <source>TorchScript models (*.pt *.pth);;All files (*)</source>
        <translation>TorchScript 模型 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>A model file is a program: it runs with your permissions whenever the model is used. Import “%1” only if it comes from a source you trust.</source>
        <translation>模型文件是一种程序：每次使用该模型时，它都会以您的权限运行。仅当“%1”来自您信任的来源时才导入。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The demo project could not be created: %1</source>
        <translation>无法创建示例项目：%1</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>将表格导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Project and data summary</source>
        <translation>项目与数据概要</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Risk table</source>
        <translation>风险表</translation>
    </message>
    <message>
        <source>Risk charts</source>
        <translation>风险图表</translation>
    </message>
    <message>
        <source>Forecasts against baselines</source>
        <translation>预测与基准对比</translation>
    </message>
    <message>
        <source>Model cards</source>
        <translation>模型卡片</translation>
    </message>
    <message>
        <source>News sentiment</source>
        <translation>新闻情绪</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Conventions</source>
        <translation>约定说明</translation>
    </message>
    <message>
        <source>&amp;Create Report…</source>
        <translation>创建报告(&amp;C)…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Preview the project&apos;s report (data, holdings, risk, charts, models) and save it as PDF or HTML (Ctrl+Shift+R)</source>
        <translation>预览项目报告（数据、持仓、风险、图表、模型）并将其保存为 PDF 或 HTML (Ctrl+Shift+R)</translation>
    </message>
</context>
<context>
    <name>ReportRender</name>
    <message>
        <source>report rendering cancelled</source>
        <translation>报告渲染已取消</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>RiskViewData</name>
    <message>
        <source>%1: %2 pts (rank %3 %, weight %4 %)</source>
        <translation>%1：%2 分（排名 %3 %，权重 %4 %）</translation>
    </message>
    <message>
        <source>%1, window %2</source>
        <translation>%1，窗口 %2</translation>
    </message>
    <message>
        <source>Rolling %1 days</source>
        <translation>滚动 %1 天</translation>
    </message>
    <message>
        <source>EWMA (λ 0.94)</source>
        <translation>EWMA（λ 0.94）</translation>
    </message>
    <message>
        <source>GARCH(1,1)</source>
        <translation>GARCH(1,1)</translation>
    </message>
    <message>
        <source>Historical</source>
        <translation>历史模拟法</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>正态分布法</translation>
    </message>
    <message>
        <source>Modified (Cornish-Fisher)</source>
        <translation>修正法（Cornish-Fisher）</translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation>蒙特卡洛</translation>
    </message>
    <message>
        <source>%1 %, %2</source>
        <translation>%1 %，%2</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>无法替换 %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::AboutDialog</name>
    <message>
        <source>About MarketLens</source>
        <translation>关于 MarketLens</translation>
    </message>
    <message>
        <source>CPU, %1 threads, and CUDA</source>
        <translation>CPU（%1 个线程）和 CUDA</translation>
    </message>
    <message>
        <source>CPU, %1 threads (no CUDA device)</source>
        <translation>CPU，%1 个线程（无 CUDA 设备）</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MarketLens %1&lt;/h3&gt;&lt;p&gt;Desktop analytics for financial analysts.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Saving:&lt;/b&gt; every change is written to the project file (.mlens) immediately; the file on disk is always the saved state. A new project is &quot;Untitled&quot; and lives in a temporary folder until you choose &lt;i&gt;File &amp;gt; Save As&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;License: GNU General Public License, version 3 or later (GPL-3.0-or-later).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MarketLens %1&lt;/h3&gt;&lt;p&gt;面向金融分析师的桌面分析软件。&lt;/p&gt;&lt;p&gt;&lt;b&gt;保存：&lt;/b&gt;每项更改都会立即写入项目文件（.mlens）；磁盘上的文件始终是已保存的状态。新项目为“未命名”，存放在临时文件夹中，直到您选择&lt;i&gt;文件 &amp;gt; 另存为&lt;/i&gt;。&lt;/p&gt;&lt;p&gt;许可证：GNU 通用公共许可证第 3 版或更高版本（GPL-3.0-or-later）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（构建时使用 %2）</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算设备</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the versions, the compute device and the data folder as text, for a bug report</source>
        <translation>将版本、计算设备和数据文件夹复制为文本，用于错误报告</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::AddHoldingDialog</name>
    <message>
        <source>Add Holding to %1</source>
        <translation>向 %1 添加持仓</translation>
    </message>
    <message>
        <source>e.g. MSFT</source>
        <translation>例如 MSFT</translation>
    </message>
    <message>
        <source>units (negative for a short position)</source>
        <translation>单位（空头头寸为负数）</translation>
    </message>
    <message>
        <source>percent of the portfolio, e.g. 12.5</source>
        <translation>占投资组合的百分比，例如 12.5</translation>
    </message>
    <message>
        <source>per unit (optional)</source>
        <translation>每单位（可选）</translation>
    </message>
    <message>
        <source>e.g. USD</source>
        <translation>例如 USD</translation>
    </message>
    <message>
        <source>&amp;Ticker:</source>
        <translation>代码(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Weight (%):</source>
        <translation>权重（%）(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Cost basis:</source>
        <translation>成本(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>币种(&amp;U)：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Give a quantity, a weight or both. The ticker may be new to the project.</source>
        <translation>请填写数量、权重或两者。代码可以是项目中尚无的新代码。</translation>
    </message>
    <message>
        <source>New ticker: no prices stored yet</source>
        <translation>新代码：尚未存储价格</translation>
    </message>
    <message>
        <source>%1 prices stored</source>
        <translation>已存储 %1 条价格</translation>
    </message>
    <message>
        <source>Type a ticker.</source>
        <translation>请输入代码。</translation>
    </message>
    <message>
        <source>A ticker has no spaces.</source>
        <translation>代码不能包含空格。</translation>
    </message>
    <message>
        <source>%1 is already in this portfolio; edit its row instead.</source>
        <translation>%1 已在此投资组合中；请直接编辑其所在行。</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Give a quantity or a weight.</source>
        <translation>请填写数量或权重。</translation>
    </message>
    <message>
        <source>Prices stored</source>
        <translation>已存储价格</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::BacktestChart</name>
    <message>
        <source>Daily return</source>
        <translation>日收益率</translation>
    </message>
    <message>
        <source>VaR forecast</source>
        <translation>VaR 预测</translation>
    </message>
    <message>
        <source>Exceedance</source>
        <translation>突破</translation>
    </message>
    <message>
        <source>Exceedances (%1)</source>
        <translation>突破次数（%1）</translation>
    </message>
    <message>
        <source>Run the risk analysis to backtest the VaR forecast</source>
        <translation>运行风险分析以回测 VaR 预测</translation>
    </message>
    <message>
        <source>%1: VaR forecast %2 %</source>
        <translation>%1：VaR 预测 %2 %</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::BacktestView</name>
    <message>
        <source>Exceedances</source>
        <translation>突破次数</translation>
    </message>
    <message>
        <source>Days whose return fell below the VaR forecast, against the number expected at this confidence</source>
        <translation>收益率低于 VaR 预测的天数，与该置信水平下的预期天数对比</translation>
    </message>
    <message>
        <source>Kupiec POF</source>
        <translation>Kupiec POF 检验</translation>
    </message>
    <message>
        <source>Kupiec&apos;s proportion-of-failures test: is the exceedance rate the expected one? Likelihood ratio, chi-squared with 1 degree of freedom; a p-value below 0.05 rejects the VaR model</source>
        <translation>Kupiec 失败频率检验：突破率是否符合预期？似然比统计量，服从自由度为 1 的卡方分布；p 值低于 0.05 则拒绝该 VaR 模型</translation>
    </message>
    <message>
        <source>Christoffersen</source>
        <translation>Christoffersen 检验</translation>
    </message>
    <message>
        <source>Christoffersen&apos;s independence test: do exceedances cluster? Likelihood ratio, chi-squared with 1 degree of freedom</source>
        <translation>Christoffersen 独立性检验：突破是否聚集出现？似然比统计量，服从自由度为 1 的卡方分布</translation>
    </message>
    <message>
        <source>Basel zone</source>
        <translation>巴塞尔区间</translation>
    </message>
    <message>
        <source>Basel traffic light from the binomial distribution of exceedances: green below 95 %, yellow below 99.99 %, red above</source>
        <translation>根据突破次数的二项分布划分的巴塞尔交通灯：低于 95 % 为绿区，低于 99.99 % 为黄区，以上为红区</translation>
    </message>
    <message>
        <source>VaR backtest</source>
        <translation>VaR 回测</translation>
    </message>
    <message>
        <source>No backtest yet: the period must be longer than the window.</source>
        <translation>尚无回测：区间长度必须大于窗口。</translation>
    </message>
    <message>
        <source>VaR backtest (%1)</source>
        <translation>VaR 回测（%1）</translation>
    </message>
    <message>
        <source>%1 of %2 days (expected %3)</source>
        <translation>%2 天中 %1 天（预期 %3 天）</translation>
    </message>
    <message>
        <source>LR %1, p %2</source>
        <translation>LR %1，p %2</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿区</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄区</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红区</translation>
    </message>
    <message>
        <source>At the 5 % level the tests reject this VaR model.</source>
        <translation>在 5 % 显著性水平下，检验拒绝该 VaR 模型。</translation>
    </message>
    <message>
        <source>At the 5 % level the tests do not reject this VaR model.</source>
        <translation>在 5 % 显著性水平下，检验不拒绝该 VaR 模型。</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ChartExportDialog</name>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG vector image</source>
        <translation>SVG 矢量图像</translation>
    </message>
    <message>
        <source>PDF document (vector)</source>
        <translation>PDF 文档（矢量）</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>Screen size</source>
        <translation>屏幕尺寸</translation>
    </message>
    <message>
        <source>The chart&apos;s size on screen at the chosen resolution</source>
        <translation>图表在屏幕上的尺寸（按所选分辨率）</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>尺寸(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>%1 × %2 cm at print size; the chart is laid out at %3 × %4 screen pixels and scaled by %5.</source>
        <translation>打印尺寸 %1 × %2 厘米；图表按 %3 × %4 屏幕像素布局并放大 %5 倍。</translation>
    </message>
    <message>
        <source>Could not export the chart: %1</source>
        <translation>无法导出图表：%1</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::CorrelationHeatmap</name>
    <message>
        <source>%1 / %2: correlation %3</source>
        <translation>%1 / %2：相关系数 %3</translation>
    </message>
    <message>
        <source>Run the risk analysis to see the correlations of the holdings</source>
        <translation>运行风险分析以查看持仓之间的相关性</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::EquityChart</name>
    <message>
        <source>Growth of 1</source>
        <translation>净值（起点 = 1）</translation>
    </message>
    <message>
        <source>The backtest&apos;s equity curve appears here after a run</source>
        <translation>运行后，此处显示回测的净值曲线</translation>
    </message>
    <message>
        <source>No backtest to show</source>
        <translation>没有可显示的回测</translation>
    </message>
    <message>
        <source>Buy and hold</source>
        <translation>买入并持有</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::FeatureBarsChart</name>
    <message>
        <source>Nothing to show</source>
        <translation>没有可显示的内容</translation>
    </message>
    <message>
        <source>%1 (top %2 of %3)</source>
        <translation>%1（%3 个中的前 %2 个）</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::FoldErrorsChart</name>
    <message>
        <source>MAE (price)</source>
        <translation>MAE（价格）</translation>
    </message>
    <message>
        <source>Fold (test period)</source>
        <translation>折（测试期）</translation>
    </message>
    <message>
        <source>Run a backtest to compare the model with the naive forecast fold by fold</source>
        <translation>运行回测，逐折比较模型与朴素预测</translation>
    </message>
    <message>
        <source>The backtest has no folds</source>
        <translation>回测没有任何折</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Naive</source>
        <translation>朴素预测</translation>
    </message>
    <message>
        <source>Fold %1: %2
Model MAE %3, naive MAE %4</source>
        <translation>第 %1 折：%2
模型 MAE %3，朴素预测 MAE %4</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ForecastChartView</name>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Train a model or select one in the table to see its forecast</source>
        <translation>训练一个模型或在表格中选择一个模型以查看其预测</translation>
    </message>
    <message>
        <source>No price history to show</source>
        <translation>没有可显示的价格历史</translation>
    </message>
    <message>
        <source>This model gave no forecast</source>
        <translation>该模型未给出预测</translation>
    </message>
    <message>
        <source>95 %</source>
        <translation>95%</translation>
    </message>
    <message>
        <source>80 %</source>
        <translation>80%</translation>
    </message>
    <message>
        <source>Naive</source>
        <translation>朴素预测</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ForecastController</name>
    <message>
        <source>Training %1 on %2</source>
        <translation>正在用 %2 训练 %1</translation>
    </message>
    <message>
        <source>Backtesting %1 on %2</source>
        <translation>正在用 %2 回测 %1</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ForecastView</name>
    <message>
        <source>No test metrics are stored for this model.</source>
        <translation>该模型未存储测试指标。</translation>
    </message>
    <message>
        <source>%1 beats the naive forecast on the test part (MAE %2).</source>
        <translation>%1 在测试部分优于朴素预测（MAE %2）。</translation>
    </message>
    <message>
        <source>%1 does not beat the naive forecast on the test part (MAE %2).</source>
        <translation>%1 在测试部分未优于朴素预测（MAE %2）。</translation>
    </message>
    <message>
        <source>Rename model</source>
        <translation>重命名模型</translation>
    </message>
    <message>
        <source>&amp;Train…</source>
        <translation>训练(&amp;T)…</translation>
    </message>
    <message>
        <source>Train a forecaster on an instrument&apos;s prices</source>
        <translation>用某个品种的价格训练预测模型</translation>
    </message>
    <message>
        <source>&amp;Backtest…</source>
        <translation>回测(&amp;B)…</translation>
    </message>
    <message>
        <source>Walk-forward backtest with refits: the model beside every baseline, fold by fold</source>
        <translation>带重新拟合的滚动前进回测：逐折将模型与每个基准并列比较</translation>
    </message>
    <message>
        <source>&amp;Import Model…</source>
        <translation>导入模型(&amp;I)…</translation>
    </message>
    <message>
        <source>Add a TorchScript forecaster trained elsewhere (.pt file and its JSON side file; see docs/models.md)</source>
        <translation>添加在别处训练的 TorchScript 预测模型（.pt 文件及其 JSON 附属文件；见 docs/models.md）</translation>
    </message>
    <message>
        <source>&amp;Export Model…</source>
        <translation>导出模型(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the selected model as TorchScript (.pt) with a JSON side file for PyTorch</source>
        <translation>将所选模型写为 TorchScript（.pt）及供 PyTorch 使用的 JSON 附属文件</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Remove the selected model from the project</source>
        <translation>从项目中移除所选模型</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 个月</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 个月</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 个月</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>Price history shown before the forecast (automatic: about 15 trading days per forecast day, at least 3 months)</source>
        <translation>预测之前显示的价格历史（自动：每个预测日约 15 个交易日，至少 3 个月）</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <source>Test Errors</source>
        <translation>测试误差</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>回测</translation>
    </message>
    <message>
        <source>Train a model or select one in the table to see its forecast</source>
        <translation>训练一个模型或在表格中选择一个模型以查看其预测</translation>
    </message>
    <message>
        <source>Run a backtest to compare the model with the naive forecast fold by fold</source>
        <translation>运行回测，逐折比较模型与朴素预测</translation>
    </message>
    <message>
        <source>The models could not be read: %1</source>
        <translation>无法读取模型：%1</translation>
    </message>
    <message>
        <source>Forecasting with “%1”…</source>
        <translation>正在用“%1”预测…</translation>
    </message>
    <message>
        <source>No forecast: %1</source>
        <translation>没有预测：%1</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入的</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 days ahead</source>
        <translation>%1 · %2 · 向前 %3 天</translation>
    </message>
    <message>
        <source> · from %1</source>
        <translation> · 起点 %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Cancelled; nothing was stored.</source>
        <translation>已取消；未存储任何内容。</translation>
    </message>
    <message>
        <source>Forecast job cancelled; nothing was stored.</source>
        <translation>预测任务已取消；未存储任何内容。</translation>
    </message>
    <message>
        <source>Backtest failed</source>
        <translation>回测失败</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>%1 walk-forward backtest, %2 folds (%3)</source>
        <translation>%1 滚动前进回测，%2 折（%3）</translation>
    </message>
    <message>
        <source>expanding window</source>
        <translation>扩展窗口</translation>
    </message>
    <message>
        <source>sliding window</source>
        <translation>滑动窗口</translation>
    </message>
    <message>
        <source>Backtest finished; see the Backtest tab.</source>
        <translation>回测已完成；请查看“回测”选项卡。</translation>
    </message>
    <message>
        <source>Backtest finished: %1</source>
        <translation>回测已完成：%1</translation>
    </message>
    <message>
        <source>Store model</source>
        <translation>存储模型</translation>
    </message>
    <message>
        <source>The trained model could not be stored: %1</source>
        <translation>无法存储训练好的模型：%1</translation>
    </message>
    <message>
        <source>Trained “%1”: %2</source>
        <translation>已训练“%1”：%2</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Delete the model “%1” from the project? This cannot be undone.</source>
        <translation>从项目中删除模型“%1”？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>Exported “%1” to %2 and %3.</source>
        <translation>已将“%1”导出到 %2 和 %3。</translation>
    </message>
    <message>
        <source>Import model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>The model is for the ticker “%1”, which this project has no prices for. Import its prices first or choose another ticker.</source>
        <translation>该模型针对品种“%1”，但本项目没有它的价格。请先导入其价格或选择其他品种。</translation>
    </message>
    <message>
        <source>Imported the model “%1” from %2</source>
        <translation>已从 %2 导入模型“%1”</translation>
    </message>
    <message>
        <source>Export Model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt)</source>
        <translation>TorchScript 模型 (*.pt)</translation>
    </message>
    <message>
        <source>Import Model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>Side File of the Model</source>
        <translation>模型的附属文件</translation>
    </message>
    <message>
        <source>Model side files (*.json)</source>
        <translation>模型附属文件 (*.json)</translation>
    </message>
    <message>
        <source>Import prices before importing a model.</source>
        <translation>请先导入价格再导入模型。</translation>
    </message>
    <message>
        <source>Forecast which instrument with this model?</source>
        <translation>用此模型预测哪个品种？</translation>
    </message>
    <message>
        <source>The project has no prices for “%1”. Forecast which instrument with this model?</source>
        <translation>项目中没有“%1”的价格。用此模型预测哪个品种？</translation>
    </message>
    <message>
        <source>Forecast of “%1”.</source>
        <translation>“%1”的预测。</translation>
    </message>
    <message>
        <source>A forecasting job on %1 ended after another project was opened.</source>
        <translation>%1 上的预测任务在打开另一个项目后才结束。</translation>
    </message>
    <message>
        <source>Models in the project: %1. Select one to see its forecast.</source>
        <translation>项目中的模型：%1 个。选择一个以查看其预测。</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::HoldingsModel</name>
    <message>
        <source>Needs a quantity and a stored close price</source>
        <translation>需要数量和已存储的收盘价</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Cost basis</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Last close</source>
        <translation>最新收盘价</translation>
    </message>
    <message>
        <source>Market value</source>
        <translation>市值</translation>
    </message>
    <message>
        <source>Share of the market value; type a weight to store one</source>
        <translation>占市值的比例；输入权重即可存储权重</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::HoldingsRiskModel</name>
    <message>
        <source>No score for this holding</source>
        <translation>此持仓没有评分</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>amber</source>
        <translation>黄</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>Risk score %1 (%2 zone: green &lt; 40, amber 40-70, red &gt; 70)
Points per factor (rank among the holdings):
%3</source>
        <translation>风险评分 %1（%2区：绿 &lt; 40，黄 40-70，红 &gt; 70）
各因子得分（在持仓中的排名）：
%3</translation>
    </message>
    <message>
        <source>Component VaR is not available for the %1 method</source>
        <translation>%1不支持成分 VaR</translation>
    </message>
    <message>
        <source>Holding</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>波动率</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>贝塔</translation>
    </message>
    <message>
        <source>Initial weight of the holding in the portfolio</source>
        <translation>该持仓在投资组合中的初始权重</translation>
    </message>
    <message>
        <source>Sample standard deviation of daily returns, annualised</source>
        <translation>日收益率的样本标准差（年化）</translation>
    </message>
    <message>
        <source>Value at risk at %1 % confidence, %2 method, one day</source>
        <translation>风险价值（VaR），置信水平 %1 %，%2，持有期一天</translation>
    </message>
    <message>
        <source>Expected shortfall (mean loss beyond VaR) at %1 % confidence, %2 method, one day</source>
        <translation>预期损失（ES，超出 VaR 部分的平均损失），置信水平 %1 %，%2，持有期一天</translation>
    </message>
    <message>
        <source>Largest peak-to-trough fall over the period</source>
        <translation>期间内从峰值到谷值的最大跌幅</translation>
    </message>
    <message>
        <source>Beta against the benchmark (OLS of daily returns)</source>
        <translation>相对于基准的贝塔（日收益率的 OLS 回归）</translation>
    </message>
    <message>
        <source>Euler contribution to the portfolio VaR at the selected confidence; the contributions sum to the portfolio figure</source>
        <translation>所选置信水平下对投资组合 VaR 的欧拉贡献；各持仓贡献之和等于组合 VaR</translation>
    </message>
    <message>
        <source>Component VaR as a share of the portfolio VaR</source>
        <translation>成分 VaR 占投资组合 VaR 的比例</translation>
    </message>
    <message>
        <source>0 (least risky) to 100 (most risky) among the holdings: weighted rank of volatility, modified ES, drawdown, beta and VaR share (see docs/risk.md)</source>
        <translation>在持仓中从 0（风险最低）到 100（风险最高）：波动率、修正 ES、回撤、贝塔和 VaR 占比的加权排名（见 docs/risk.md）</translation>
    </message>
    <message>
        <source>VaR
%1 %</source>
        <translation>VaR
%1 %</translation>
    </message>
    <message>
        <source>ES
%1 %</source>
        <translation>ES
%1 %</translation>
    </message>
    <message>
        <source>Max
drawdown</source>
        <translation>最大
回撤</translation>
    </message>
    <message>
        <source>Component
VaR</source>
        <translation>成分
VaR</translation>
    </message>
    <message>
        <source>VaR
share</source>
        <translation>VaR
占比</translation>
    </message>
    <message>
        <source>Risk
score</source>
        <translation>风险
评分</translation>
    </message>
    <message>
        <source>No learned tail-risk score for this holding: press Learn tail risk</source>
        <translation>此持仓尚无学习得到的尾部风险评分：请点击“学习尾部风险”</translation>
    </message>
    <message>
        <source>Learned probability of a loss beyond the 95 % VaR within 5 trading days: %1
Historical rate of such losses for this holding: %2
Brier skill of the model over the base rate (test part): %3
As of %4</source>
        <translation>学习得到的 5 个交易日内损失超过 95 % VaR 的概率：%1
该持仓此类损失的历史频率：%2
模型相对基准频率的 Brier 技能评分（测试集）：%3
截至 %4</translation>
    </message>
    <message>
        <source>Tail prob.
(learned)</source>
        <translation>尾部概率
（学习）</translation>
    </message>
    <message>
        <source>Probability of a loss beyond the holding&apos;s 95 % VaR within 5 trading days, from the newest learned tail-risk model of the portfolio (1D-CNN on returns and volatility; see docs/risk.md)</source>
        <translation>5 个交易日内损失超过该持仓 95 % VaR 的概率，来自该组合最新的学习型尾部风险模型（基于收益率和波动率的一维卷积神经网络；见 docs/risk.md）</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ImportController</name>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n files</source>
        <translation>
            <numerusform>正在导入 %n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ImportOptionsDialog</name>
    <message>
        <source>Import Options</source>
        <translation>导入选项</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Prices, long (date, ticker, OHLCV)</source>
        <translation>价格，长格式（日期、代码、OHLCV）</translation>
    </message>
    <message>
        <source>Prices, wide (date + one column per ticker)</source>
        <translation>价格，宽格式（日期 + 每个代码一列）</translation>
    </message>
    <message>
        <source>One instrument&apos;s OHLCV</source>
        <translation>单个品种的 OHLCV</translation>
    </message>
    <message>
        <source>Holdings (ticker + quantity or weight)</source>
        <translation>持仓（代码 + 数量或权重）</translation>
    </message>
    <message>
        <source>MM/DD/YYYY (month first)</source>
        <translation>MM/DD/YYYY（月在前）</translation>
    </message>
    <message>
        <source>DD.MM.YYYY or DD/MM/YYYY (day first)</source>
        <translation>DD.MM.YYYY 或 DD/MM/YYYY（日在前）</translation>
    </message>
    <message>
        <source>Needed when every date in a file could be read either way</source>
        <translation>当文件中的每个日期都可以有两种解读方式时需要指定</translation>
    </message>
    <message>
        <source>from the file name</source>
        <translation>取自文件名</translation>
    </message>
    <message>
        <source>Ticker of a single-instrument OHLCV file</source>
        <translation>单品种 OHLCV 文件的代码</translation>
    </message>
    <message>
        <source>Portfolio that a holdings file replaces or creates</source>
        <translation>持仓文件要替换或创建的投资组合</translation>
    </message>
    <message>
        <source>File layout:</source>
        <translation>文件格式：</translation>
    </message>
    <message>
        <source>Date format:</source>
        <translation>日期格式：</translation>
    </message>
    <message>
        <source>Ticker:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>Portfolio:</source>
        <translation>投资组合：</translation>
    </message>
    <message>
        <source>Choose Files…</source>
        <translation>选择文件…</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ImportReportDialog</name>
    <message>
        <source>Prices (long)</source>
        <translation>价格（长格式）</translation>
    </message>
    <message>
        <source>Prices (wide)</source>
        <translation>价格（宽格式）</translation>
    </message>
    <message>
        <source>OHLCV</source>
        <translation>OHLCV</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>%1 rows can be imported; %2 rows were rejected and will be skipped. Nothing is written to the project until you choose &quot;Import&quot;.</source>
        <translation>%1 行可以导入；%2 行被拒绝，将被跳过。在您选择“导入”之前，不会向项目写入任何内容。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Detected as</source>
        <translation>检测为</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>日期格式</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Rejected rows (first %1 of %2)</source>
        <translation>被拒绝的行（共 %2 行中的前 %1 行）</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>Import %1 rows</source>
        <translation>导入 %1 行</translation>
    </message>
    <message>
        <source>Abort import</source>
        <translation>中止导入</translation>
    </message>
    <message>
        <source>Write the accepted rows to the project and skip the rejected ones</source>
        <translation>将已接受的行写入项目，跳过被拒绝的行</translation>
    </message>
    <message>
        <source>Leave the project exactly as it was</source>
        <translation>保持项目原样不变</translation>
    </message>
    <message>
        <source>&lt;b&gt;Files&lt;/b&gt;</source>
        <translation>&lt;b&gt;文件&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::InspectorPanel</name>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>First date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Last close</source>
        <translation>最新收盘价</translation>
    </message>
    <message>
        <source>Change over range</source>
        <translation>区间涨跌幅</translation>
    </message>
    <message>
        <source>Minimum close</source>
        <translation>最低收盘价</translation>
    </message>
    <message>
        <source>Maximum close</source>
        <translation>最高收盘价</translation>
    </message>
    <message>
        <source>OHLC data</source>
        <translation>OHLC 数据</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择任何内容</translation>
    </message>
    <message>
        <source>Select an instrument in the project tree or the Instruments table.</source>
        <translation>请在项目树或品种表中选择一个品种。</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>yes (candlesticks available)</source>
        <translation>有（可显示蜡烛图）</translation>
    </message>
    <message>
        <source>close only</source>
        <translation>仅收盘价</translation>
    </message>
    <message numerus="yes">
        <source>%n more instrument(s) overlaid in the chart.</source>
        <translation>
            <numerusform>图表中另叠加了 %n 个品种。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>marketlens::ui::InstrumentsModel</name>
    <message>
        <source>Ticker</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>First date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>截止日期</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::IssuesPanel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Rejected row</source>
        <translation>被拒绝的行</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::JobsBar</name>
    <message>
        <source>%1 s left</source>
        <translation>剩余 %1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s left</source>
        <translation>剩余 %1 分 %2 秒</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel this job; the project stays as it was</source>
        <translation>取消此任务；项目保持原样</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::LossChartView</name>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>The losses appear after the first epoch</source>
        <translation>第一轮结束后显示损失</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2</source>
        <translation>第 %1 轮：损失 %2</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::MainWindow</name>
    <message>
        <source>Price and holdings files (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>价格和持仓文件 (*.csv *.tsv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Cannot create a new project: %1</source>
        <translation>无法创建新项目：%1</translation>
    </message>
    <message>
        <source>New untitled project</source>
        <translation>新的未命名项目</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>已另存为 %1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>MarketLens projects (*.mlens);;All files (*)</source>
        <translation>MarketLens 项目 (*.mlens);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>MarketLens projects (*.mlens)</source>
        <translation>MarketLens 项目 (*.mlens)</translation>
    </message>
    <message>
        <source>Unsaved project</source>
        <translation>未保存的项目</translation>
    </message>
    <message>
        <source>The untitled project holds data that has not been saved to a file. Save it first?</source>
        <translation>未命名项目中有尚未保存到文件的数据。是否先保存？</translation>
    </message>
    <message>
        <source>%1[*] — MarketLens</source>
        <translation>%1[*] — MarketLens</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>无项目</translation>
    </message>
    <message>
        <source>Not saved to a file yet</source>
        <translation>尚未保存到文件</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>未命名项目</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有更改已保存</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>An import is already running; wait for it to finish.</source>
        <translation>已有导入正在进行，请等待其完成。</translation>
    </message>
    <message>
        <source>Import started: %1</source>
        <translation>开始导入：%1</translation>
    </message>
    <message>
        <source>Import cancelled; the project is unchanged.</source>
        <translation>导入已取消；项目未作更改。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Nothing was imported.

%1</source>
        <translation>未导入任何内容。

%1</translation>
    </message>
    <message>
        <source>

To set the file layout or date format yourself, use File &gt; Import Files With Options.</source>
        <translation>

如需自行指定文件格式或日期格式，请使用“文件 &gt; 按选项导入文件”。</translation>
    </message>
    <message>
        <source>The import could not be saved; the project is unchanged.

%1</source>
        <translation>无法保存导入结果；项目未作更改。

%1</translation>
    </message>
    <message>
        <source>Import aborted; the project is unchanged.</source>
        <translation>导入已中止；项目未作更改。</translation>
    </message>
    <message>
        <source>Imported %1 (%2): %3 rows accepted, %4 rejected</source>
        <translation>已导入 %1（%2）：接受 %3 行，拒绝 %4 行</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Imported %1 rows (untitled project: use Save As to keep it)</source>
        <translation>已导入 %1 行（未命名项目：请使用“另存为”保留）</translation>
    </message>
    <message>
        <source>Imported %1 rows; all changes saved</source>
        <translation>已导入 %1 行；所有更改已保存</translation>
    </message>
    <message>
        <source>Cancelling the running import before quitting.</source>
        <translation>退出前正在取消进行中的导入。</translation>
    </message>
    <message>
        <source>Arrives with a later version of MarketLens</source>
        <translation>将在 MarketLens 的后续版本中提供</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Takes effect when MarketLens is restarted</source>
        <translation>重新启动 MarketLens 后生效</translation>
    </message>
    <message>
        <source>The language change applies after MarketLens is restarted.</source>
        <translation>语言更改将在重新启动 MarketLens 后生效。</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>Start an untitled project (Ctrl+N)</source>
        <translation>新建一个未命名项目 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a MarketLens project file (.mlens) (Ctrl+O)</source>
        <translation>打开 MarketLens 项目文件（.mlens） (Ctrl+O)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Copy the project to a new file and continue there (Ctrl+Shift+S). There is no &quot;Save&quot;: every change is written to the project file at once.</source>
        <translation>将项目复制到新文件并在新文件中继续工作 (Ctrl+Shift+S)。没有“保存”命令：每项更改都会立即写入项目文件。</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import price or holdings CSV files (Ctrl+I); you can also drop files onto the window</source>
        <translation>导入价格或持仓 CSV 文件 (Ctrl+I)；也可以将文件拖放到窗口中</translation>
    </message>
    <message>
        <source>Import Files With &amp;Options…</source>
        <translation>按选项导入文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Import with an explicit file layout, date format, ticker or portfolio name (Ctrl+Shift+I)</source>
        <translation>以指定的文件格式、日期格式、代码或投资组合名称导入 (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit MarketLens (Ctrl+Q)</source>
        <translation>退出 MarketLens (Ctrl+Q)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected table rows as tab-separated text</source>
        <translation>将所选表格行复制为以制表符分隔的文本</translation>
    </message>
    <message>
        <source>Select All &amp;Instruments</source>
        <translation>选择全部品种(&amp;I)</translation>
    </message>
    <message>
        <source>Overlay every instrument in the chart</source>
        <translation>在图表中叠加显示所有品种</translation>
    </message>
    <message>
        <source>Clear &amp;Issues</source>
        <translation>清除问题(&amp;C)</translation>
    </message>
    <message>
        <source>Empty the Issues panel</source>
        <translation>清空问题面板</translation>
    </message>
    <message>
        <source>&amp;About MarketLens</source>
        <translation>关于 MarketLens(&amp;A)</translation>
    </message>
    <message>
        <source>Version, license and how saving works</source>
        <translation>版本、许可证以及保存方式</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>Risk Metrics</source>
        <translation>风险指标</translation>
    </message>
    <message>
        <source>Correlation Matrix</source>
        <translation>相关性矩阵</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Show or hide the %1 panel</source>
        <translation>显示或隐藏“%1”面板</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Issues (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>MarketLens writes every change to the project file immediately; the file on disk is always the saved state. An untitled project lives in a temporary folder until you use Save As.</source>
        <translation>MarketLens 会将每项更改立即写入项目文件；磁盘上的文件始终是已保存的状态。未命名项目存放在临时文件夹中，直到您使用“另存为”。</translation>
    </message>
    <message>
        <source>Show the %1 panel</source>
        <translation>显示“%1”面板</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Forecasts</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>&amp;Train Forecaster…</source>
        <translation>训练预测模型(&amp;T)…</translation>
    </message>
    <message>
        <source>Train a neural forecaster on an instrument&apos;s prices and compare it with the naive forecast (Ctrl+T)</source>
        <translation>用某个品种的价格训练神经网络预测模型，并与朴素预测比较（Ctrl+T）</translation>
    </message>
    <message>
        <source>News</source>
        <translation>新闻</translation>
    </message>
    <message>
        <source>Price, holdings and news files (*.csv *.tsv *.txt *.xlsx *.json *.jsonl *.ndjson *.xml *.rss *.atom);;All files (*)</source>
        <translation>价格、持仓和新闻文件 (*.csv *.tsv *.txt *.xlsx *.json *.jsonl *.ndjson *.xml *.rss *.atom);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Run Trading Si&amp;gnals</source>
        <translation>生成交易信号(&amp;G)</translation>
    </message>
    <message>
        <source>Train and backtest a buy/sell signal classifier for the current instrument with the Signals tab&apos;s settings (Ctrl+Shift+G)</source>
        <translation>使用“信号”选项卡中的设置，为当前品种训练并回测买入/卖出信号分类器（Ctrl+Shift+G）</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>%1[*] (encrypted) — MarketLens</source>
        <translation>%1[*]（已加密）— MarketLens</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ModelsModel</name>
    <message>
        <source>Tail-risk CNN</source>
        <translation>尾部风险 CNN</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Errors on the held-out test part; the naive forecast repeats the last price.</source>
        <translation>在留出的测试部分上的误差；朴素预测重复最后价格。</translation>
    </message>
    <message>
        <source>Double-click to rename</source>
        <translation>双击以重命名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>预测期</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Test MAE</source>
        <translation>测试 MAE</translation>
    </message>
    <message>
        <source>Naive MAE</source>
        <translation>朴素 MAE</translation>
    </message>
    <message>
        <source>Test MASE</source>
        <translation>测试 MASE</translation>
    </message>
    <message>
        <source>Naive MASE</source>
        <translation>朴素 MASE</translation>
    </message>
    <message>
        <source>Beats naive</source>
        <translation>优于朴素预测</translation>
    </message>
    <message>
        <source>Days ahead the model forecasts (1..H)</source>
        <translation>模型向前预测的天数（1..H）</translation>
    </message>
    <message>
        <source>Mean absolute error of the model&apos;s median forecast on the test part</source>
        <translation>模型中位数预测在测试部分上的平均绝对误差</translation>
    </message>
    <message>
        <source>Mean absolute error of the naive forecast (last price) on the same origins</source>
        <translation>朴素预测（最后价格）在相同起点上的平均绝对误差</translation>
    </message>
    <message>
        <source>Mean absolute scaled error: MAE over the mean one-day price change of the training part (below 1 beats a one-day naive forecast in sample)</source>
        <translation>平均绝对标度误差：MAE 除以训练部分的平均单日价格变化（低于 1 表示在样本内优于单日朴素预测）</translation>
    </message>
    <message>
        <source>MASE of the naive forecast on the same origins</source>
        <translation>朴素预测在相同起点上的 MASE</translation>
    </message>
    <message>
        <source>Yes when the model&apos;s MAE and MASE are both below the naive forecast&apos;s</source>
        <translation>当模型的 MAE 和 MASE 都低于朴素预测时为“是”</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ModelsPanel</name>
    <message>
        <source>No models yet. Use Train… to train one on an instrument&apos;s prices, or Import Model… to add a TorchScript forecaster trained elsewhere.</source>
        <translation>还没有模型。使用“训练…”用某个品种的价格训练一个模型，或使用“导入模型…”添加在别处训练的 TorchScript 预测模型。</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::NewsController</name>
    <message>
        <source>Importing news from %1</source>
        <translation>正在从 %1 导入新闻</translation>
    </message>
    <message numerus="yes">
        <source>Importing news from %n file(s)</source>
        <translation>
            <numerusform>正在从 %n 个文件导入新闻</numerusform>
        </translation>
    </message>
    <message>
        <source>Scoring news with %1</source>
        <translation>正在用 %1 为新闻评分</translation>
    </message>
    <message>
        <source>Training sentiment model (%1)</source>
        <translation>正在训练情绪模型（%1）</translation>
    </message>
    <message>
        <source>Importing sentiment model %1</source>
        <translation>正在导入情绪模型 %1</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::NewsMarkerPopup</name>
    <message>
        <source>negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message numerus="yes">
        <source>%n news item(s)</source>
        <translation>
            <numerusform>%n 条新闻</numerusform>
        </translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Score %1, %2 (%3)</source>
        <translation>评分 %1，%2（%3）</translation>
    </message>
    <message>
        <source>Not scored by %1</source>
        <translation>尚未由 %1 评分</translation>
    </message>
    <message>
        <source>Words that moved the score:</source>
        <translation>影响评分的词语：</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::NewsModel</name>
    <message>
        <source>Positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>Weight %1 (%2)</source>
        <translation>权重 %1（%2）</translation>
    </message>
    <message>
        <source>towards positive</source>
        <translation>偏向正面</translation>
    </message>
    <message>
        <source>towards negative</source>
        <translation>偏向负面</translation>
    </message>
    <message>
        <source>The file gives only the day</source>
        <translation>文件中只给出了日期</translation>
    </message>
    <message>
        <source>Score of %1 in [-1, 1]: negative below -0.05, positive above 0.05</source>
        <translation>%1 的评分，范围 [-1, 1]：低于 -0.05 为负面，高于 0.05 为正面</translation>
    </message>
    <message>
        <source>Not scored by %1 yet (News &gt; Score News…)</source>
        <translation>尚未由 %1 评分（新闻 &gt; 为新闻评分…）</translation>
    </message>
    <message>
        <source>Item %1 of %2</source>
        <translation>%2 中的第 %1 条</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Tickers</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>File label</source>
        <translation>文件标签</translation>
    </message>
    <message>
        <source>Publication time in your local time zone</source>
        <translation>您所在本地时区的发布时间</translation>
    </message>
    <message>
        <source>Instruments the item is linked to (explicit, exchange mention, cashtag or company name)</source>
        <translation>该条新闻关联的品种（文件中明确给出、交易所提及、$代码标签或公司名称）</translation>
    </message>
    <message>
        <source>Sentiment score of the chosen model, from -1 (negative) to +1 (positive)</source>
        <translation>所选模型给出的情绪评分，从 -1（负面）到 +1（正面）</translation>
    </message>
    <message>
        <source>The chosen model&apos;s label</source>
        <translation>所选模型给出的标签</translation>
    </message>
    <message>
        <source>The label given in the imported file (training data)</source>
        <translation>导入文件中给出的标签（训练数据）</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::NewsView</name>
    <message>
        <source>given in the file</source>
        <translation>文件中给出</translation>
    </message>
    <message>
        <source>exchange mention</source>
        <translation>交易所提及</translation>
    </message>
    <message>
        <source>cashtag</source>
        <translation>$代码标签</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>&amp;Scores of:</source>
        <translation>评分模型(&amp;S)：</translation>
    </message>
    <message>
        <source>The sentiment model whose scores, labels and explanations are shown; every model&apos;s scores are kept</source>
        <translation>显示其评分、标签和解释的情绪模型；每个模型的评分都会保留</translation>
    </message>
    <message>
        <source>Show only news linked to this instrument</source>
        <translation>只显示与此品种关联的新闻</translation>
    </message>
    <message>
        <source>Tic&amp;ker:</source>
        <translation>代码(&amp;K)：</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Show news from this day on (the day as shown in the table)</source>
        <translation>显示从这一天起的新闻（按表格中显示的日期）</translation>
    </message>
    <message>
        <source>Show news up to this day</source>
        <translation>显示截至这一天的新闻</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>开始日期(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>结束日期(&amp;T)：</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <source>Show only news the chosen model labelled so</source>
        <translation>只显示所选模型给出此标签的新闻</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>Lowest score shown (-1 to +1); unscored news is hidden while the range is narrower than -1 to +1</source>
        <translation>显示的最低评分（-1 到 +1）；范围窄于 -1 到 +1 时，隐藏未评分的新闻</translation>
    </message>
    <message>
        <source>Highest score shown</source>
        <translation>显示的最高评分</translation>
    </message>
    <message>
        <source>S&amp;core:</source>
        <translation>评分(&amp;C)：</translation>
    </message>
    <message>
        <source>Search headline and text</source>
        <translation>搜索标题和正文</translation>
    </message>
    <message>
        <source>Every word must occur in the headline, body, source or tickers</source>
        <translation>每个词都必须出现在标题、正文、来源或代码中</translation>
    </message>
    <message>
        <source>The project&apos;s news; click a header to sort, select a row to read it</source>
        <translation>项目中的新闻；单击表头排序，选择一行阅读该新闻</translation>
    </message>
    <message>
        <source>Select a news item to read it with the words that moved its score highlighted</source>
        <translation>选择一条新闻进行阅读，影响其评分的词语会高亮显示</translation>
    </message>
    <message>
        <source>Lexicon (market news)</source>
        <translation>词典（市场新闻）</translation>
    </message>
    <message>
        <source>%1 (%2 scored)</source>
        <translation>%1（已评分 %2 条）</translation>
    </message>
    <message>
        <source>%1 (not run)</source>
        <translation>%1（未运行）</translation>
    </message>
    <message>
        <source>News</source>
        <translation>新闻</translation>
    </message>
    <message>
        <source>Cannot read the news: %1</source>
        <translation>无法读取新闻：%1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>%2 条中的 %1 条</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Not linked to an instrument</source>
        <translation>未关联任何品种</translation>
    </message>
    <message>
        <source>Tickers: %1</source>
        <translation>代码：%1</translation>
    </message>
    <message>
        <source>From %1, item %2</source>
        <translation>来自 %1，第 %2 条</translation>
    </message>
    <message>
        <source>label in the file: %1</source>
        <translation>文件中的标签：%1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>由 %1 评分</translation>
    </message>
    <message>
        <source>P(negative) %1, P(neutral) %2, P(positive) %3</source>
        <translation>P(负面) %1，P(中性) %2，P(正面) %3</translation>
    </message>
    <message>
        <source>Sentiment index that day (exponentially decayed): %1</source>
        <translation>当日情绪指数（指数衰减）：%1</translation>
    </message>
    <message>
        <source>Not scored by %1 yet (Models &gt; Score News…)</source>
        <translation>尚未由 %1 评分（模型 &gt; 为新闻评分…）</translation>
    </message>
    <message>
        <source>News import report</source>
        <translation>新闻导入报告</translation>
    </message>
    <message>
        <source>%1 news items can be imported; %2 were rejected and will be skipped. Nothing is written to the project until you choose &quot;Import&quot;.</source>
        <translation>可导入 %1 条新闻；%2 条被拒绝，将被跳过。在您选择“导入”之前，不会向项目写入任何内容。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n item(s)</source>
        <translation>
            <numerusform>导入 %n 条(&amp;I)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Abort Import</source>
        <translation>中止导入(&amp;A)</translation>
    </message>
    <message>
        <source>Import &amp;News…</source>
        <translation>导入新闻(&amp;N)…</translation>
    </message>
    <message>
        <source>Import news files: CSV, JSON, JSON Lines, RSS/Atom feeds or plain text (Ctrl+Alt+I); you can also drop them onto the window</source>
        <translation>导入新闻文件：CSV、JSON、JSON Lines、RSS/Atom 订阅源或纯文本（Ctrl+Alt+I）；也可以将文件拖放到窗口上</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>&amp;Score News…</source>
        <translation>为新闻评分(&amp;S)…</translation>
    </message>
    <message>
        <source>Score every news item with a sentiment model: the lexicon, a trained or an imported model (Ctrl+Alt+S)</source>
        <translation>用情绪模型为每条新闻评分：词典、训练得到的模型或导入的模型（Ctrl+Alt+S）</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Train S&amp;entiment Model…</source>
        <translation>训练情绪模型(&amp;E)…</translation>
    </message>
    <message>
        <source>Train a text classifier on the project&apos;s labelled news and compare it with the lexicons on held-out folds (Ctrl+Shift+T)</source>
        <translation>用项目中带标签的新闻训练文本分类器，并在留出的折上与词典比较（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Import Sentiment &amp;Model…</source>
        <translation>导入情绪模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Import a BERT-style TorchScript sentiment model (.pt) with its JSON side file and vocab.txt (Ctrl+Alt+M)</source>
        <translation>导入 BERT 类 TorchScript 情绪模型（.pt）及其 JSON 附属文件和 vocab.txt（Ctrl+Alt+M）</translation>
    </message>
    <message>
        <source>Import Model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>Reset Filters</source>
        <translation>重置筛选</translation>
    </message>
    <message>
        <source>Show all news again</source>
        <translation>重新显示所有新闻</translation>
    </message>
    <message>
        <source>News import failed</source>
        <translation>新闻导入失败</translation>
    </message>
    <message>
        <source>The import could not be saved; the project is unchanged.

%1</source>
        <translation>无法保存导入结果；项目未作更改。

%1</translation>
    </message>
    <message>
        <source>item %1: %2</source>
        <translation>第 %1 条：%2</translation>
    </message>
    <message>
        <source>News job cancelled; the project is unchanged.</source>
        <translation>新闻任务已取消；项目未作更改。</translation>
    </message>
    <message>
        <source>Scoring failed</source>
        <translation>评分失败</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>Model import failed</source>
        <translation>模型导入失败</translation>
    </message>
    <message>
        <source>The project is unchanged.

%1</source>
        <translation>项目未作更改。

%1</translation>
    </message>
    <message>
        <source>Imported news from %1: %2 items, %3 rejected, %4 already in the project, %5 linked to instruments</source>
        <translation>已从 %1 导入新闻：%2 条，%3 条被拒绝，%4 条已在项目中，%5 条已关联品种</translation>
    </message>
    <message>
        <source>Scored %1 news items with %2: %3 positive, %4 neutral, %5 negative</source>
        <translation>已用 %2 为 %1 条新闻评分：%3 条正面，%4 条中性，%5 条负面</translation>
    </message>
    <message>
        <source>Trained sentiment model %1 (%2)</source>
        <translation>已训练情绪模型 %1（%2）</translation>
    </message>
    <message>
        <source>Imported sentiment model %1; use Score News… to score with it</source>
        <translation>已导入情绪模型 %1；使用“为新闻评分…”用它评分</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Import News</source>
        <translation>导入新闻</translation>
    </message>
    <message>
        <source>News files (*.csv *.json *.jsonl *.ndjson *.xml *.rss *.atom *.txt);;All files (*)</source>
        <translation>新闻文件 (*.csv *.json *.jsonl *.ndjson *.xml *.rss *.atom *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Another job is running; wait for it to finish.</source>
        <translation>另一个任务正在运行；请等待其完成。</translation>
    </message>
    <message>
        <source>Score News</source>
        <translation>为新闻评分</translation>
    </message>
    <message>
        <source>Score every news item with (other models&apos; scores are kept):</source>
        <translation>用以下模型为每条新闻评分（其他模型的评分会保留）：</translation>
    </message>
    <message>
        <source>Import Sentiment Model</source>
        <translation>导入情绪模型</translation>
    </message>
    <message>
        <source>Model Side File (JSON)</source>
        <translation>模型附属文件（JSON）</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>WordPiece Vocabulary</source>
        <translation>WordPiece 词表</translation>
    </message>
    <message>
        <source>Vocabulary (*.txt);;All files (*)</source>
        <translation>词表 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 of the newest %2 items (choose a ticker or dates for older ones)</source>
        <translation>最新 %2 条中的 %1 条（选择代码或日期可查看更早的条目）</translation>
    </message>
    <message>
        <source>Reading the news…</source>
        <translation>正在读取新闻…</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PasswordDialog</name>
    <message>
        <source>Wrong password for “%1”. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>“%1”的密码错误。请检查大写锁定键和键盘布局，然后重试。</translation>
    </message>
    <message>
        <source>“%1” cannot be opened: the file has been altered or damaged since it was saved (its encrypted contents do not pass the integrity check). Its data cannot be trusted, so it is not shown. Open a backup copy of the project instead.</source>
        <translation>无法打开“%1”：该文件自保存以来已被篡改或损坏（其加密内容未通过完整性校验）。其数据不可信，因此不予显示。请改为打开该项目的备份副本。</translation>
    </message>
    <message>
        <source>“%1” is encrypted: its password is needed to open it.</source>
        <translation>“%1”已加密：需要其密码才能打开。</translation>
    </message>
    <message>
        <source>“%1” is not a MarketLens project: %2</source>
        <translation>“%1”不是 MarketLens 项目：%2</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>Open Encrypted Project</source>
        <translation>打开加密项目</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is protected with a password. Enter it to open the project.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 受密码保护。请输入密码以打开该项目。</translation>
    </message>
    <message>
        <source>Remove Password</source>
        <translation>移除密码</translation>
    </message>
    <message>
        <source>Enter the current password of &lt;b&gt;%1&lt;/b&gt; to store it unencrypted. Anyone who can read the file will then be able to read its data.</source>
        <translation>输入 &lt;b&gt;%1&lt;/b&gt; 的当前密码，即可以不加密的方式存储该项目。之后任何能读取该文件的人都能读取其中的数据。</translation>
    </message>
    <message>
        <source>Set Password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Protect &lt;b&gt;%1&lt;/b&gt; with a password. The file is encrypted, and the password is asked for each time the project is opened.</source>
        <translation>用密码保护 &lt;b&gt;%1&lt;/b&gt;。文件将被加密，每次打开该项目时都会要求输入密码。</translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <source>Change the password of &lt;b&gt;%1&lt;/b&gt;. The project is encrypted again with a key made from the new password.</source>
        <translation>更改 &lt;b&gt;%1&lt;/b&gt; 的密码。项目将使用由新密码派生的密钥重新加密。</translation>
    </message>
    <message>
        <source>The project file</source>
        <translation>项目文件</translation>
    </message>
    <message>
        <source>The password this project was protected with</source>
        <translation>此项目设置的保护密码</translation>
    </message>
    <message>
        <source>The password the project is protected with now</source>
        <translation>项目当前的保护密码</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>当前密码(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters; a few unrelated words make a long password that is easy to remember</source>
        <translation>
            <numerusform>至少 %n 个字符；用几个互不相关的词即可组成一个容易记住的长密码</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the new password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>A rough guide from the length and the kinds of characters used</source>
        <translation>根据长度和所用字符种类给出的粗略参考</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>Con&amp;firm:</source>
        <translation>确认(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Show password</source>
        <translation>显示密码(&amp;S)</translation>
    </message>
    <message>
        <source>Show the typed characters (make sure no one is looking)</source>
        <translation>显示输入的字符（请确保无人旁观）</translation>
    </message>
    <message>
        <source>&lt;b&gt;A lost password cannot be recovered.&lt;/b&gt; MarketLens keeps no copy of it and has no back door: without the password nobody can open this project again. Keep it somewhere safe, such as a password manager.</source>
        <translation>&lt;b&gt;密码丢失后无法找回。&lt;/b&gt;MarketLens 不保存密码的任何副本，也没有后门：没有密码，任何人都无法再打开此项目。请妥善保管密码，例如存放在密码管理器中。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Unlock and open the project (Enter)</source>
        <translation>解锁并打开项目 (Enter)</translation>
    </message>
    <message>
        <source>&amp;Remove Password</source>
        <translation>移除密码(&amp;R)</translation>
    </message>
    <message>
        <source>Store the project unencrypted (Enter)</source>
        <translation>以不加密的方式存储项目 (Enter)</translation>
    </message>
    <message>
        <source>&amp;Encrypt</source>
        <translation>加密(&amp;E)</translation>
    </message>
    <message>
        <source>Encrypt the project file with this password (Enter)</source>
        <translation>用此密码加密项目文件 (Enter)</translation>
    </message>
    <message>
        <source>&amp;Change Password</source>
        <translation>更改密码(&amp;C)</translation>
    </message>
    <message>
        <source>Encrypt the project file with the new password (Enter)</source>
        <translation>用新密码加密项目文件 (Enter)</translation>
    </message>
    <message>
        <source>Do not open the project (Escape)</source>
        <translation>不打开项目 (Esc)</translation>
    </message>
    <message>
        <source>Leave the project as it is (Escape)</source>
        <translation>保持项目原样 (Esc)</translation>
    </message>
    <message numerus="yes">
        <source>Weak: only %n character(s); use at least %1.</source>
        <translation>
            <numerusform>弱：只有 %n 个字符；请至少使用 %1 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fair: longer is stronger (12 or more characters, or a few words).</source>
        <translation>中等：越长越安全（12 个或更多字符，或几个单词）。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
    <message>
        <source>Type a new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <source>Type the new password again to confirm it.</source>
        <translation>请再次输入新密码以确认。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Type the current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>Type the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close this message (Escape)</source>
        <translation>关闭此消息 (Esc)</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在检查密码…</translation>
    </message>
    <message>
        <source>Checking the password and decrypting…</source>
        <translation>正在检查密码并解密…</translation>
    </message>
    <message>
        <source>Deriving the key and encrypting…</source>
        <translation>正在派生密钥并加密…</translation>
    </message>
    <message>
        <source>Checking the password and encrypting again…</source>
        <translation>正在检查密码并重新加密…</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PortfolioEditor</name>
    <message>
        <source>%1: &apos;%2&apos; is not a number</source>
        <translation>%1：“%2”不是数字</translation>
    </message>
    <message>
        <source>%1 must be a finite number</source>
        <translation>%1 必须是有限数</translation>
    </message>
    <message>
        <source>%1 cannot be negative</source>
        <translation>%1 不能为负数</translation>
    </message>
    <message>
        <source>Currency: &apos;%1&apos; is not a three-letter code such as USD</source>
        <translation>币种：“%1”不是 USD 这样的三字母代码</translation>
    </message>
    <message>
        <source>%1: no project is open</source>
        <translation>%1：没有打开的项目</translation>
    </message>
    <message>
        <source>%1: an import is running; edit when it has finished</source>
        <translation>%1：导入正在进行；请在导入完成后再编辑</translation>
    </message>
    <message>
        <source>%1 failed; the project is unchanged.

%2</source>
        <translation>%1失败；项目未作更改。

%2</translation>
    </message>
    <message>
        <source>%1 (%2 undoes it)</source>
        <translation>%1（按 %2 撤销）</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Cost Basis</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>This column cannot be edited</source>
        <translation>此列不可编辑</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>更改 %2 的%1</translation>
    </message>
    <message>
        <source>%1 is not in portfolio %2</source>
        <translation>%1 不在投资组合 %2 中</translation>
    </message>
    <message>
        <source>%1 needs a quantity or a weight; clear one, not both</source>
        <translation>%1 需要数量或权重；只能清除其中一项，不能两项都清除</translation>
    </message>
    <message>
        <source>Add Holding %1</source>
        <translation>添加持仓 %1</translation>
    </message>
    <message>
        <source>A holding needs a ticker and a quantity or a weight</source>
        <translation>持仓需要代码以及数量或权重</translation>
    </message>
    <message>
        <source>%1: numbers must be finite</source>
        <translation>%1：数字必须是有限数</translation>
    </message>
    <message>
        <source>%1 is already in portfolio %2</source>
        <translation>%1 已在投资组合 %2 中</translation>
    </message>
    <message>
        <source>Remove Holding %1</source>
        <translation>移除持仓 %1</translation>
    </message>
    <message>
        <source>Remove %1 Holdings</source>
        <translation>移除 %1 项持仓</translation>
    </message>
    <message>
        <source>New Portfolio %1</source>
        <translation>新建投资组合 %1</translation>
    </message>
    <message>
        <source>A portfolio needs a name</source>
        <translation>投资组合需要名称</translation>
    </message>
    <message>
        <source>Rename Portfolio %1 to %2</source>
        <translation>将投资组合 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>Duplicate Portfolio %1</source>
        <translation>复制投资组合 %1</translation>
    </message>
    <message>
        <source>Delete Portfolio %1</source>
        <translation>删除投资组合 %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Undo/Redo</source>
        <translation>撤销/重做</translation>
    </message>
    <message>
        <source>%1 failed; the project file is unchanged and the edit history was cleared.

%2</source>
        <translation>%1失败；项目文件未作更改，编辑历史已清除。

%2</translation>
    </message>
    <message>
        <source>Edit history cleared: portfolios were replaced by an import</source>
        <translation>编辑历史已清除：投资组合已被导入替换</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add Holding…</source>
        <translation>添加持仓(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a holding to the portfolio shown in the holdings table (Ins)</source>
        <translation>向持仓表中显示的投资组合添加一项持仓 (Ins)</translation>
    </message>
    <message>
        <source>&amp;Remove Holdings</source>
        <translation>移除持仓(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected holdings from the portfolio (Del)</source>
        <translation>从投资组合中移除所选持仓 (Del)</translation>
    </message>
    <message>
        <source>New &amp;Portfolio…</source>
        <translation>新建投资组合(&amp;P)…</translation>
    </message>
    <message>
        <source>Create an empty portfolio (Ctrl+Shift+N)</source>
        <translation>创建一个空的投资组合 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Rena&amp;me Portfolio…</source>
        <translation>重命名投资组合(&amp;M)…</translation>
    </message>
    <message>
        <source>Rename the portfolio (F2 in the project tree)</source>
        <translation>重命名投资组合（在项目树中按 F2）</translation>
    </message>
    <message>
        <source>D&amp;uplicate Portfolio…</source>
        <translation>复制投资组合(&amp;U)…</translation>
    </message>
    <message>
        <source>Copy the portfolio and its holdings under a new name</source>
        <translation>以新名称复制投资组合及其持仓</translation>
    </message>
    <message>
        <source>De&amp;lete Portfolio</source>
        <translation>删除投资组合(&amp;L)</translation>
    </message>
    <message>
        <source>Delete the portfolio and its holdings (Del in the project tree; Undo brings it back)</source>
        <translation>删除投资组合及其持仓（在项目树中按 Del；可通过撤销恢复）</translation>
    </message>
    <message>
        <source>Add Holding</source>
        <translation>添加持仓</translation>
    </message>
    <message>
        <source>Select the holdings to remove in the holdings table</source>
        <translation>请在持仓表中选择要移除的持仓</translation>
    </message>
    <message>
        <source>New Portfolio</source>
        <translation>新建投资组合</translation>
    </message>
    <message>
        <source>Name of the new portfolio:</source>
        <translation>新投资组合的名称：</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>投资组合</translation>
    </message>
    <message>
        <source>Rename Portfolio</source>
        <translation>重命名投资组合</translation>
    </message>
    <message>
        <source>New name of portfolio %1:</source>
        <translation>投资组合 %1 的新名称：</translation>
    </message>
    <message>
        <source>Duplicate Portfolio</source>
        <translation>复制投资组合</translation>
    </message>
    <message>
        <source>Name of the copy of %1:</source>
        <translation>%1 副本的名称：</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 副本</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language of menus, dialogs and number formats; the system language by default. Takes effect when MarketLens is restarted.</source>
        <translation>菜单、对话框和数字格式所用的语言；默认使用系统语言。重新启动 MarketLens 后生效。</translation>
    </message>
    <message>
        <source>The new language applies after MarketLens is restarted.</source>
        <translation>新语言将在重新启动 MarketLens 后生效。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Colours of windows and charts. System follows the desktop&apos;s colours; Light and Dark use the same look on every platform.</source>
        <translation>窗口和图表的配色。“跟随系统”沿用桌面的配色；“浅色”和“深色”在所有平台上外观相同。</translation>
    </message>
    <message>
        <source>Confidence levels of VaR and ES that every risk run computes besides the one chosen in the Risk tab, separated by commas: e.g. 0.95, 0.975, 0.99 (or 95, 97.5, 99). Each between %1 and %2, at most %3.</source>
        <translation>除“风险”标签页中所选的置信水平外，每次风险分析还会计算的 VaR 和 ES 置信水平，以逗号分隔：例如 0.95, 0.975, 0.99（或 95, 97.5, 99）。每个值介于 %1 与 %2 之间，最多 %3 个。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Periods per year used to annualise daily returns, volatility and Sharpe ratios: 252 trading days for exchange-traded assets, 365 for assets traded every day (e.g. crypto).</source>
        <translation>将日收益率、波动率和夏普比率年化时所用的每年期数：交易所交易资产为 252 个交易日，每天交易的资产（如加密货币）为 365 天。</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>全部核心（%1）</translation>
    </message>
    <message>
        <source>Worker threads of risk runs (Monte Carlo, measures) and of neural network training and inference. 0 uses every core; fewer keep the computer responsive during long runs.</source>
        <translation>风险分析（蒙特卡洛、各项指标）以及神经网络训练和推理所用的工作线程数。0 表示使用全部核心；较少的线程可在长时间运行时保持计算机响应流畅。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Default &amp;confidence levels:</source>
        <translation>默认置信水平(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Annualisation:</source>
        <translation>年化(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Worker threads:</source>
        <translation>工作线程(&amp;W)：</translation>
    </message>
    <message>
        <source>Put the default values into the fields (applied with OK or Apply)</source>
        <translation>将默认值填入各字段（点击“确定”或“应用”后生效）</translation>
    </message>
    <message>
        <source>Apply the values and keep the dialog open</source>
        <translation>应用这些值并保持对话框打开</translation>
    </message>
    <message>
        <source>Write levels between 0.5 and 0.9999 separated by commas, e.g. 0.95, 0.99.</source>
        <translation>请输入介于 0.5 与 0.9999 之间、以逗号分隔的置信水平，例如 0.95, 0.99。</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Language, theme, risk defaults and worker threads (%1)</source>
        <translation>语言、主题、风险默认值和工作线程 (%1)</translation>
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
        <translation>滚轮：以光标为中心缩放
拖动：缩放到拖选的日期范围
Shift+拖动或中键拖动：平移；方向键平移，+/- 缩放
双击或 Home：显示全部
单击图例项：隐藏或显示对应序列
右键：以100为基准、蜡烛图、复制、导出</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Rebase to 100</source>
        <translation>以100为基准</translation>
    </message>
    <message>
        <source>Divide each series by its value at the first visible date</source>
        <translation>将每个序列除以其在第一个可见日期的值</translation>
    </message>
    <message>
        <source>Candlesticks</source>
        <translation>蜡烛图</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n news item(s)</source>
        <translation>
            <numerusform>%n 条新闻</numerusform>
        </translation>
    </message>
    <message>
        <source>Mean score %1</source>
        <translation>平均评分 %1</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to read the text and why it scored so</source>
        <translation>单击阅读正文及其评分原因</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::PricesTab</name>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Show the whole date range (Ctrl+0, or double-click the chart)</source>
        <translation>显示完整日期范围 (Ctrl+0，或双击图表)</translation>
    </message>
    <message>
        <source>Rebase to 100</source>
        <translation>以100为基准</translation>
    </message>
    <message>
        <source>Rebase every series to 100 at the first visible date (Ctrl+B)</source>
        <translation>将每个序列在第一个可见日期处折算为 100 (Ctrl+B)</translation>
    </message>
    <message>
        <source>Candlesticks</source>
        <translation>蜡烛图</translation>
    </message>
    <message>
        <source>Draw candlesticks when one instrument with open/high/low/close data is shown (Ctrl+K)</source>
        <translation>当显示单个具有开盘/最高/最低/收盘数据的品种时绘制蜡烛图 (Ctrl+K)</translation>
    </message>
    <message>
        <source>  Select several instruments to overlay them</source>
        <translation>  选择多个品种可叠加显示</translation>
    </message>
    <message>
        <source>Portfolio shown in the holdings table</source>
        <translation>持仓表中显示的投资组合</translation>
    </message>
    <message>
        <source>Portfolio:</source>
        <translation>投资组合：</translation>
    </message>
    <message>
        <source>Select one or several instruments (Ctrl/Shift+click) to show them in the chart</source>
        <translation>选择一个或多个品种（Ctrl/Shift+单击）以在图表中显示</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Instruments</source>
        <translation>品种</translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <source>News Markers</source>
        <translation>新闻标记</translation>
    </message>
    <message>
        <source>Mark the news of the shown instruments on their price lines, coloured by sentiment (Ctrl+Shift+M)</source>
        <translation>在所显示品种的价格线上标记其新闻，按情绪着色（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <source>Sentiment:</source>
        <translation>情绪：</translation>
    </message>
    <message>
        <source>Sentiment model whose scores the markers and the timeline show</source>
        <translation>标记和时间线所显示评分所属的情绪模型</translation>
    </message>
    <message>
        <source>Lexicon</source>
        <translation>词典</translation>
    </message>
    <message>
        <source>VADER lexicon</source>
        <translation>VADER 词典</translation>
    </message>
    <message>
        <source>Cannot read the sentiment models: %1</source>
        <translation>无法读取情绪模型：%1</translation>
    </message>
    <message>
        <source>Cannot read the news of %1: %2</source>
        <translation>无法读取 %1 的新闻：%2</translation>
    </message>
    <message>
        <source>Score news on the News tab to see sentiment here</source>
        <translation>在“新闻”选项卡中为新闻评分后，即可在此查看情绪</translation>
    </message>
    <message>
        <source>Select an instrument to see the sentiment of its news</source>
        <translation>选择一个品种以查看其新闻的情绪</translation>
    </message>
    <message>
        <source>No news of %1 scored by %2</source>
        <translation>没有由 %2 评分的 %1 新闻</translation>
    </message>
    <message>
        <source>The news cannot be read while an import is running</source>
        <translation>导入运行期间无法读取新闻</translation>
    </message>
    <message>
        <source>Cannot read news item %1: %2</source>
        <translation>无法读取第 %1 条新闻：%2</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 news items of this marker</source>
        <translation>显示此标记 %2 条新闻中的前 %1 条</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ProjectController</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1: a job is running</source>
        <translation>%1：有任务正在运行</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ProjectPasswords</name>
    <message>
        <source>Set &amp;Password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>C&amp;hange Password…</source>
        <translation>更改密码(&amp;H)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve Password…</source>
        <translation>移除密码(&amp;V)…</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <source>This project file is encrypted with a password (Argon2id key, XChaCha20-Poly1305). Its data is decrypted only in memory. Use File &gt; Change Password or Remove Password to change that.</source>
        <translation>此项目文件已用密码加密（Argon2id 密钥，XChaCha20-Poly1305）。其数据仅在内存中解密。如需更改，请使用“文件 &gt; 更改密码”或“移除密码”。</translation>
    </message>
    <message>
        <source>Encrypt the project file with a password, asked for each time it is opened; a lost password cannot be recovered</source>
        <translation>用密码加密项目文件，每次打开时都会要求输入密码；密码丢失后无法找回</translation>
    </message>
    <message>
        <source>Save the project to a file first (File &gt; Save As): an untitled project lives in a temporary folder and cannot be protected with a password</source>
        <translation>请先将项目保存到文件（文件 &gt; 另存为）：未命名项目存放在临时文件夹中，无法用密码保护</translation>
    </message>
    <message>
        <source>The project already has a password: use Change Password or Remove Password</source>
        <translation>项目已设置密码：请使用“更改密码”或“移除密码”</translation>
    </message>
    <message>
        <source>Wait for the running import to finish</source>
        <translation>请等待正在进行的导入完成</translation>
    </message>
    <message>
        <source>The project has no password (see Set Password)</source>
        <translation>项目没有密码（参见“设置密码”）</translation>
    </message>
    <message>
        <source>Encrypt the project file again with a new password; the current one is asked for first</source>
        <translation>用新密码重新加密项目文件；会先要求输入当前密码</translation>
    </message>
    <message>
        <source>Store the project file unencrypted again after checking its password; anyone who can read the file can then read its data</source>
        <translation>检查密码后，将项目文件重新以不加密的方式存储；之后任何能读取该文件的人都能读取其中的数据</translation>
    </message>
    <message>
        <source>Opening %1 cancelled; the current project stays open.</source>
        <translation>已取消打开 %1；当前项目保持打开。</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>Save the project to a file first (File &gt; Save As): an untitled project lives in a temporary folder and cannot be protected with a password.</source>
        <translation>请先将项目保存到文件（文件 &gt; 另存为）：未命名项目存放在临时文件夹中，无法用密码保护。</translation>
    </message>
    <message>
        <source>A background job is using the project. Wait for it to finish (or cancel it) first.</source>
        <translation>有后台任务正在使用该项目。请先等待其完成（或将其取消）。</translation>
    </message>
    <message>
        <source>Set Password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>%1 is now encrypted with a password.</source>
        <translation>%1 现已使用密码加密。</translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <source>The password of %1 was changed.</source>
        <translation>%1 的密码已更改。</translation>
    </message>
    <message>
        <source>Remove Password</source>
        <translation>移除密码</translation>
    </message>
    <message>
        <source>%1 is no longer encrypted.</source>
        <translation>%1 已不再加密。</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ProjectTree</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Everything stored in the project file. Select instruments to overlay them; drop CSV files here to import them.</source>
        <translation>项目文件中存储的所有内容。选择品种可叠加显示；将 CSV 文件拖放到此处即可导入。</translation>
    </message>
    <message>
        <source>Portfolios</source>
        <translation>投资组合</translation>
    </message>
    <message numerus="yes">
        <source>%n holding(s)</source>
        <translation>
            <numerusform>%n 项持仓</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 单位</translation>
    </message>
    <message>
        <source>Instruments</source>
        <translation>品种</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>%1 rows from %2 to %3</source>
        <translation>%1 行，%2 至 %3</translation>
    </message>
    <message>
        <source>Double-click to open %1 in the Prices tab</source>
        <translation>双击在“价格”标签页中打开 %1</translation>
    </message>
    <message>
        <source>News</source>
        <translation>新闻</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>暂不可用</translation>
    </message>
    <message>
        <source>Double-click to show the holdings of %1; F2 renames it</source>
        <translation>双击显示 %1 的持仓；按 F2 重命名</translation>
    </message>
    <message>
        <source>Double-click to create a report</source>
        <translation>双击以创建报告</translation>
    </message>
    <message>
        <source>Double-click to open the News tab</source>
        <translation>双击打开“新闻”选项卡</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ReportController</name>
    <message>
        <source>Report preview</source>
        <translation>报告预览</translation>
    </message>
    <message>
        <source>Saving report %1</source>
        <translation>正在保存报告 %1</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ReportDialog</name>
    <message>
        <source>Create Report</source>
        <translation>创建报告</translation>
    </message>
    <message>
        <source>Portfolio of the holdings and risk sections</source>
        <translation>持仓和风险章节所用的投资组合</translation>
    </message>
    <message>
        <source>&amp;Portfolio:</source>
        <translation>投资组合(&amp;P)：</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Sections without content in this project (no models, no news) are left out unless you choose a subset</source>
        <translation>本项目中没有内容的章节（无模型、无新闻）会被省略，除非您只选择了其中部分章节</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation>置信水平：</translation>
    </message>
    <message>
        <source>VaR and ES at %1 confidence</source>
        <translation>置信水平 %1 下的 VaR 和 ES</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Rolling window of the volatility and of the VaR backtest</source>
        <translation>波动率和 VaR 回测的滚动窗口</translation>
    </message>
    <message>
        <source>Backtest &amp;window:</source>
        <translation>回测窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the project again and rebuild the preview (F5)</source>
        <translation>重新读取项目并重建预览 (F5)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Zoom of the preview</source>
        <translation>预览的缩放比例</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>缩放(&amp;Z)：</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>保存 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Paginated PDF with vector charts and page numbers</source>
        <translation>带矢量图表和页码的分页 PDF</translation>
    </message>
    <message>
        <source>Save &amp;HTML…</source>
        <translation>保存 HTML(&amp;H)…</translation>
    </message>
    <message>
        <source>One self-contained HTML file with the charts as SVG</source>
        <translation>单个自包含的 HTML 文件，图表以 SVG 形式嵌入</translation>
    </message>
    <message>
        <source>(no portfolio)</source>
        <translation>（无投资组合）</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>请至少选择一个章节。</translation>
    </message>
    <message>
        <source>Choose at least one confidence level.</source>
        <translation>请至少选择一个置信水平。</translation>
    </message>
    <message>
        <source>Building the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <source>Preview cancelled.</source>
        <translation>预览已取消。</translation>
    </message>
    <message>
        <source>The report cannot be built: %1</source>
        <translation>无法生成报告：%1</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s): %1.</source>
        <translation>
            <numerusform>%n 页：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Save Report as PDF</source>
        <translation>将报告保存为 PDF</translation>
    </message>
    <message>
        <source>Save Report as HTML</source>
        <translation>将报告保存为 HTML</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML 文件 (*.html *.htm)</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>Saved %1 (%2 s).</source>
        <translation>已保存 %1（%2 秒）。</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
    <message>
        <source>Saving %1 cancelled.</source>
        <translation>已取消保存 %1。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>报告未保存</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>无法将报告保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ReturnHistogramView</name>
    <message>
        <source>Portfolio returns</source>
        <translation>投资组合收益率</translation>
    </message>
    <message>
        <source>Daily return</source>
        <translation>日收益率</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Run the risk analysis to see the return distribution</source>
        <translation>运行风险分析以查看收益率分布</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2: %n day(s)</source>
        <translation>
            <numerusform>%1 至 %2：%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>VaR%1: %2</source>
        <translation>VaR%1：%2</translation>
    </message>
    <message>
        <source>VaR</source>
        <translation>VaR</translation>
    </message>
    <message>
        <source>ES%1: %2</source>
        <translation>ES%1：%2</translation>
    </message>
    <message>
        <source>ES</source>
        <translation>ES</translation>
    </message>
    <message>
        <source>VaR%1
%2</source>
        <translation>VaR%1
%2</translation>
    </message>
    <message>
        <source>ES%1
%2</source>
        <translation>ES%1
%2</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RiskChartView</name>
    <message>
        <source>Drag: zoom to the dragged range; wheel: zoom
Double-click: show everything
Click a legend entry to hide or show its series
Right-click: copy or export the chart</source>
        <translation>拖动：缩放到拖选范围；滚轮：缩放
双击：显示全部
单击图例项：隐藏或显示对应序列
右键：复制或导出图表</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RiskRunController</name>
    <message>
        <source>Risk analysis</source>
        <translation>风险分析</translation>
    </message>
    <message>
        <source>Loading the last risk run</source>
        <translation>正在加载上次的风险分析结果</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RiskView</name>
    <message>
        <source>Distribution</source>
        <translation>分布</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>回撤</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>波动率</translation>
    </message>
    <message>
        <source>VaR backtest</source>
        <translation>VaR 回测</translation>
    </message>
    <message>
        <source>Daily portfolio returns with the VaR and ES lines</source>
        <translation>投资组合日收益率及 VaR、ES 线</translation>
    </message>
    <message>
        <source>How far the portfolio stood below its previous peak</source>
        <translation>投资组合低于前期峰值的幅度</translation>
    </message>
    <message>
        <source>Rolling, EWMA and GARCH(1,1) volatility, annualised</source>
        <translation>滚动、EWMA 和 GARCH(1,1) 波动率（年化）</translation>
    </message>
    <message>
        <source>Rolling one-day VaR forecast against the realised returns</source>
        <translation>滚动一日 VaR 预测与实际收益率对比</translation>
    </message>
    <message>
        <source>Correlation of daily returns</source>
        <translation>日收益率相关性</translation>
    </message>
    <message>
        <source>Portfolio whose holdings are analysed</source>
        <translation>要分析其持仓的投资组合</translation>
    </message>
    <message>
        <source>Confidence level of VaR and ES, between 0.5 and 0.9999 (0.95 = the worst 5 % of days)</source>
        <translation>VaR 和 ES 的置信水平，介于 0.5 与 0.9999 之间（0.95 = 最差的 5 % 交易日）</translation>
    </message>
    <message>
        <source>Historical: empirical quantile; Gaussian: normal distribution; Modified: Cornish-Fisher (skewness and kurtosis); Monte Carlo: multivariate normal simulation</source>
        <translation>历史模拟法：经验分位数；正态分布法：正态分布；修正法：Cornish-Fisher（偏度和峰度）；蒙特卡洛：多元正态模拟</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Window of the rolling volatility and of the VaR backtest</source>
        <translation>滚动波动率和 VaR 回测的窗口</translation>
    </message>
    <message>
        <source>Benchmark for beta (none: no beta factor in the score)</source>
        <translation>计算贝塔的基准（无：评分中不含贝塔因子）</translation>
    </message>
    <message>
        <source>First price date used (inclusive)</source>
        <translation>使用的起始价格日期（含）</translation>
    </message>
    <message>
        <source>Last price date used (inclusive)</source>
        <translation>使用的截止价格日期（含）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Compute every measure now and store the run in the project</source>
        <translation>立即计算所有指标并将结果保存到项目中</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the running risk analysis</source>
        <translation>取消正在进行的风险分析</translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation>投资组合(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Confidence</source>
        <translation>置信水平(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>方法(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Benchmark</source>
        <translation>基准(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>Conventions of the numbers shown (see docs/risk.md)</source>
        <translation>所示数字的约定（见 docs/risk.md）</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Write the holdings table, in its current order, to a CSV file</source>
        <translation>按当前排序将持仓表写入 CSV 文件</translation>
    </message>
    <message>
        <source>risk-holdings.csv</source>
        <translation>risk-holdings.csv</translation>
    </message>
    <message>
        <source>All instruments (equal weight)</source>
        <translation>所有品种（等权重）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The confidence must be a number between 0.5 and 0.9999, e.g. 0.975.</source>
        <translation>置信水平必须是介于 0.5 与 0.9999 之间的数字，例如 0.975。</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>起始日期晚于截止日期。</translation>
    </message>
    <message>
        <source>Risk view</source>
        <translation>风险视图</translation>
    </message>
    <message>
        <source>Open a project to analyse its risk.</source>
        <translation>打开项目以分析其风险。</translation>
    </message>
    <message>
        <source>An import is running; the risk analysis runs when it has finished.</source>
        <translation>导入正在进行；风险分析将在导入完成后运行。</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Risk analysis cancelled.</source>
        <translation>风险分析已取消。</translation>
    </message>
    <message>
        <source>Risk analysis failed: %1</source>
        <translation>风险分析失败：%1</translation>
    </message>
    <message>
        <source>No risk run stored in this project yet: choose the parameters and press Run.</source>
        <translation>此项目中尚未保存风险分析结果：请选择参数并点击“运行”。</translation>
    </message>
    <message>
        <source>Computed %1.</source>
        <translation>已计算 %1。</translation>
    </message>
    <message>
        <source>Stored run of %1 (not recomputed).</source>
        <translation>%1 的已保存结果（未重新计算）。</translation>
    </message>
    <message>
        <source>The run could not be stored in the project: %1</source>
        <translation>无法将分析结果保存到项目中：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: VaR %2, ES %3 (%4) · volatility %5 · max drawdown %6 · %7 days, %8 to %9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：VaR %2，ES %3（%4）· 波动率 %5 · 最大回撤 %6 · %7 天，%8 至 %9</translation>
    </message>
    <message>
        <source>No risk run shown yet.</source>
        <translation>尚未显示风险分析结果。</translation>
    </message>
    <message>
        <source>The prices have changed since this run was computed: press Run to update it.</source>
        <translation>自本次计算以来价格已发生变化：请点击“运行”以更新。</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <source>Learn tail risk</source>
        <translation>学习尾部风险</translation>
    </message>
    <message>
        <source>Train a 1D-CNN on the returns and volatility of the portfolio&apos;s holdings to estimate each holding&apos;s probability of a loss beyond its 95 % VaR within 5 trading days, and store the model</source>
        <translation>用组合持仓的收益率和波动率训练一维卷积神经网络，估计每个持仓在 5 个交易日内损失超过其 95 % VaR 的概率，并保存模型</translation>
    </message>
    <message>
        <source>Open a project to learn tail risk.</source>
        <translation>请先打开项目再学习尾部风险。</translation>
    </message>
    <message>
        <source>Choose a portfolio to learn the tail risk of its holdings.</source>
        <translation>请选择一个投资组合以学习其持仓的尾部风险。</translation>
    </message>
    <message>
        <source>The holdings of %1 have changed since this run: press Run to update it.</source>
        <translation>自本次计算以来 %1 的持仓已发生变化：请点击“运行”以更新。</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::RollingVolView</name>
    <message>
        <source>Annualised volatility</source>
        <translation>年化波动率</translation>
    </message>
    <message>
        <source>Run the risk analysis to see the volatility over time</source>
        <translation>运行风险分析以查看波动率随时间的变化</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::ScoresTable</name>
    <message>
        <source>Forecaster</source>
        <translation>预测方法</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>MAPE</source>
        <translation>MAPE</translation>
    </message>
    <message>
        <source>sMAPE</source>
        <translation>sMAPE</translation>
    </message>
    <message>
        <source>MASE</source>
        <translation>MASE</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>80 % cover</source>
        <translation>80% 覆盖率</translation>
    </message>
    <message>
        <source>95 % cover</source>
        <translation>95% 覆盖率</translation>
    </message>
    <message>
        <source>Share of forecasts that moved in the direction the price moved</source>
        <translation>预测方向与价格变动方向一致的比例</translation>
    </message>
    <message>
        <source>Share of actual prices inside the 80 % interval (ideal: 80 %)</source>
        <translation>实际价格落在 80% 区间内的比例（理想值：80%）</translation>
    </message>
    <message>
        <source>Share of actual prices inside the 95 % interval (ideal: 95 %)</source>
        <translation>实际价格落在 95% 区间内的比例（理想值：95%）</translation>
    </message>
    <message>
        <source>MAE divided by the mean one-day price change of the training part</source>
        <translation>MAE 除以训练部分的平均单日价格变化</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <source>Seasonal naive</source>
        <translation>季节朴素</translation>
    </message>
    <message>
        <source>Moving average</source>
        <translation>移动平均</translation>
    </message>
    <message>
        <source>Linear AR</source>
        <translation>线性自回归</translation>
    </message>
    <message>
        <source>%1 (model)</source>
        <translation>%1（模型）</translation>
    </message>
    <message>
        <source>Lowest of all forecasters</source>
        <translation>所有预测方法中最低</translation>
    </message>
    <message>
        <source>Naive</source>
        <translation>朴素预测</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SentimentTimelineView</name>
    <message>
        <source>Daily sentiment of the news: bars show each day&apos;s mean score, lines the exponentially decayed index.
Wheel zooms, drag pans and double-click resets the price chart above.</source>
        <translation>新闻的每日情绪：柱形表示每天的平均评分，折线表示指数衰减的情绪指数。
滚轮缩放、拖动平移、双击重置上方的价格图表。</translation>
    </message>
    <message>
        <source>Bars: daily mean score of %1</source>
        <translation>柱形：%1 的每日平均评分</translation>
    </message>
    <message>
        <source>Decayed index:</source>
        <translation>衰减指数：</translation>
    </message>
    <message numerus="yes">
        <source>mean %1 of %n item(s)</source>
        <translation>
            <numerusform>%n 条的平均值 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>no news</source>
        <translation>无新闻</translation>
    </message>
    <message>
        <source>decayed %1</source>
        <translation>衰减值 %1</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SentimentTrainDialog</name>
    <message>
        <source>Train Sentiment Model</source>
        <translation>训练情绪模型</translation>
    </message>
    <message>
        <source>Bag of n-grams (fast)</source>
        <translation>n 元词袋（快速）</translation>
    </message>
    <message>
        <source>Small Transformer</source>
        <translation>小型 Transformer</translation>
    </message>
    <message>
        <source>Bag of n-grams: an EmbeddingBag over word uni- and bi-grams, strong on short texts. Transformer: 2 layers, 4 heads, slower.</source>
        <translation>n 元词袋：基于单词一元和二元语法的 EmbeddingBag，擅长短文本。Transformer：2 层、4 个注意力头，速度较慢。</translation>
    </message>
    <message>
        <source>&amp;Architecture:</source>
        <translation>架构(&amp;A)：</translation>
    </message>
    <message>
        <source>No cross-validation</source>
        <translation>不进行交叉验证</translation>
    </message>
    <message>
        <source>Stratified k-fold cross-validation: the model and the lexicons are scored on the same held-out folds</source>
        <translation>分层 k 折交叉验证：模型和词典在相同的留出折上评估</translation>
    </message>
    <message>
        <source>Cross-validation &amp;folds:</source>
        <translation>交叉验证折数(&amp;F)：</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Passes over the training data (0: the architecture&apos;s default)</source>
        <translation>遍历训练数据的次数（0：该架构的默认值）</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>轮数(&amp;E)：</translation>
    </message>
    <message>
        <source>Seeds the folds, the shuffling and the weights: the same seed gives the same model on the CPU</source>
        <translation>用于折划分、打乱顺序和权重初始化的种子：在 CPU 上，相同的种子得到相同的模型</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>种子(&amp;S)：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Name of the stored model</source>
        <translation>存储的模型名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>The model learns from the project&apos;s labelled news.</source>
        <translation>模型从项目中带标签的新闻中学习。</translation>
    </message>
    <message>
        <source>The project has no labelled news: import a news file with a label column first.</source>
        <translation>项目中没有带标签的新闻：请先导入含标签列的新闻文件。</translation>
    </message>
    <message>
        <source>The model learns from the project&apos;s %1 labelled news items.</source>
        <translation>模型从项目中 %1 条带标签的新闻中学习。</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SentimentTrainResultDialog</name>
    <message>
        <source>Sentiment Model Trained</source>
        <translation>情绪模型已训练</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) learnt from %3 labelled items in %4 s and is stored in the project.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）用 %4 秒从 %3 条带标签的新闻中学习完成，已存储在项目中。</translation>
    </message>
    <message>
        <source>Fold</source>
        <translation>折</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目数</translation>
    </message>
    <message>
        <source>Model accuracy</source>
        <translation>模型准确率</translation>
    </message>
    <message>
        <source>Model macro-F1</source>
        <translation>模型宏 F1</translation>
    </message>
    <message>
        <source>Lexicon accuracy</source>
        <translation>词典准确率</translation>
    </message>
    <message>
        <source>Lexicon macro-F1</source>
        <translation>词典宏 F1</translation>
    </message>
    <message>
        <source>VADER accuracy</source>
        <translation>VADER 准确率</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Scores on the held-out part of each fold; the lexicons are scored on the same items</source>
        <translation>各折留出部分上的得分；词典在相同的条目上评估</translation>
    </message>
    <message>
        <source>The model beats the better lexicon by %1 accuracy points on held-out folds (macro-F1 %2 vs %3).</source>
        <translation>在留出的折上，模型的准确率比较好的词典高 %1 个百分点（宏 F1 %2 对 %3）。</translation>
    </message>
    <message>
        <source>The model does not beat the lexicons on held-out folds (%1 vs %2 accuracy): more labelled news may help.</source>
        <translation>在留出的折上，模型未胜过词典（准确率 %1 对 %2）：更多带标签的新闻可能会有帮助。</translation>
    </message>
    <message>
        <source>Trained without cross-validation: no held-out scores.</source>
        <translation>未进行交叉验证的训练：没有留出得分。</translation>
    </message>
    <message>
        <source>&amp;Score News With It</source>
        <translation>用它为新闻评分(&amp;S)</translation>
    </message>
    <message>
        <source>Score every news item with the new model (the other models&apos; scores are kept)</source>
        <translation>用新模型为每条新闻评分（其他模型的评分会保留）</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SignalPriceChart</name>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>▲ buy (the signal turns up), ▼ sell; the large outlined one is the latest signal.
Click a marker to see why the model gave that signal.
Drag: zoom; wheel: zoom; double-click: whole history; right-click: export</source>
        <translation>▲ 买入（信号转为上涨），▼ 卖出；带轮廓的大标记是最新信号。
单击标记可查看模型给出该信号的原因。
拖动：缩放；滚轮：缩放；双击：显示全部历史；右键：导出</translation>
    </message>
    <message>
        <source>Run a signal model to see its buy and sell signals on the price</source>
        <translation>运行信号模型，即可在价格图上查看其买入和卖出信号</translation>
    </message>
    <message>
        <source>No prices to show</source>
        <translation>没有可显示的价格</translation>
    </message>
    <message>
        <source>▲ buy signal</source>
        <translation>▲ 买入信号</translation>
    </message>
    <message>
        <source>▼ sell signal</source>
        <translation>▼ 卖出信号</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SignalWaterfallView</name>
    <message>
        <source>up</source>
        <translation>上涨</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>down</source>
        <translation>下跌</translation>
    </message>
    <message>
        <source>Click a buy or sell marker on the chart to see why the model gave that signal</source>
        <translation>单击图表上的买入或卖出标记，查看模型给出该信号的原因</translation>
    </message>
    <message>
        <source>%1 other features</source>
        <translation>其他 %1 个特征</translation>
    </message>
    <message>
        <source>Each bar is one feature&apos;s contribution (%1, %2) to the score of “up” on this day, from the model&apos;s base value to the day&apos;s score; green pushes towards up, red towards down.</source>
        <translation>每个条形表示一个特征在当天对“上涨”得分的贡献（%1，%2），从模型的基础值累加到当天的得分；绿色推向上涨，红色推向下跌。</translation>
    </message>
    <message>
        <source>%1: %2 (P(up) %3)</source>
        <translation>%1：%2（P(上涨) %3）</translation>
    </message>
    <message>
        <source>Base value</source>
        <translation>基础值</translation>
    </message>
    <message>
        <source>Score of up</source>
        <translation>上涨得分</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SignalsController</name>
    <message>
        <source>Signals: %1 %2</source>
        <translation>信号：%1 %2</translation>
    </message>
    <message>
        <source>“%1” is not a signal model.</source>
        <translation>“%1”不是信号模型。</translation>
    </message>
    <message>
        <source>Opening a signal model</source>
        <translation>正在打开信号模型</translation>
    </message>
    <message>
        <source>The explanation job ended without a result.</source>
        <translation>解释任务已结束，但没有结果。</translation>
    </message>
    <message>
        <source>Random forest</source>
        <translation>随机森林</translation>
    </message>
    <message>
        <source>Gradient boosting</source>
        <translation>梯度提升</translation>
    </message>
    <message>
        <source>SVM</source>
        <translation>支持向量机</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>逻辑回归</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>多层感知机</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::SignalsView</name>
    <message>
        <source>No explanation: %1</source>
        <translation>无解释：%1</translation>
    </message>
    <message>
        <source>Run a signal model to see its buy and sell signals on the price</source>
        <translation>运行信号模型，即可在价格图上查看其买入和卖出信号</translation>
    </message>
    <message>
        <source>The instrument whose next move the model predicts (follows the instrument selected on the Prices tab)</source>
        <translation>模型预测其下一步走势的品种（跟随“价格”选项卡中所选的品种）</translation>
    </message>
    <message>
        <source>Random forest and gradient boosting (XGBoost, with SHAP explanations), SVM, logistic regression or a small neural network (MLP)</source>
        <translation>随机森林和梯度提升（XGBoost，带 SHAP 解释）、SVM、逻辑回归或小型神经网络（MLP）</translation>
    </message>
    <message>
        <source> d</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Predict the direction of the return over this many trading days</source>
        <translation>预测此数量交易日内的收益率方向</translation>
    </message>
    <message>
        <source>Up / down</source>
        <translation>上涨 / 下跌</translation>
    </message>
    <message>
        <source>Up / flat / down</source>
        <translation>上涨 / 持平 / 下跌</translation>
    </message>
    <message>
        <source>Two classes, or three with a flat band around zero</source>
        <translation>两个类别，或在零附近设持平区间的三个类别</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Three classes: a move smaller than this (log return) counts as flat</source>
        <translation>三个类别时：小于此幅度的变动（对数收益率）视为持平</translation>
    </message>
    <message>
        <source> bp</source>
        <translation> 基点</translation>
    </message>
    <message>
        <source>Commission per unit traded, in basis points (1 bp = 0.01 %)</source>
        <translation>每单位交易额的佣金，以基点计（1 基点 = 0.01 %）</translation>
    </message>
    <message>
        <source>Slippage per unit traded, in basis points</source>
        <translation>每单位交易额的滑点，以基点计</translation>
    </message>
    <message>
        <source>Lon&amp;g/short</source>
        <translation>多空(&amp;G)</translation>
    </message>
    <message>
        <source>Sell short on a down signal instead of staying in cash</source>
        <translation>出现下跌信号时卖空，而不是持有现金</translation>
    </message>
    <message>
        <source>one split</source>
        <translation>单次划分</translation>
    </message>
    <message>
        <source>Walk-forward folds over the test part, each refitted on the days before it; “one split”: train on the first 70 %, test on the rest</source>
        <translation>在测试部分上滚动前进的折数，每折都在其之前的交易日上重新拟合；“单次划分”：用前 70 % 训练，其余部分测试</translation>
    </message>
    <message>
        <source>Sear&amp;ch</source>
        <translation>参数搜索(&amp;C)</translation>
    </message>
    <message>
        <source>Choose hyper-parameters by a small time-series cross-validated search (slower)</source>
        <translation>通过小规模的时间序列交叉验证搜索选择超参数（较慢）</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>运行(&amp;U)</translation>
    </message>
    <message>
        <source>Train and evaluate the model, backtest its signal and store it in the project (Ctrl+Return)</source>
        <translation>训练并评估模型，回测其信号并将其存储到项目中（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Tic&amp;ker</source>
        <translation>代码(&amp;K)</translation>
    </message>
    <message>
        <source>M&amp;odel</source>
        <translation>模型(&amp;O)</translation>
    </message>
    <message>
        <source>Hori&amp;zon</source>
        <translation>预测期(&amp;Z)</translation>
    </message>
    <message>
        <source>C&amp;lasses</source>
        <translation>类别(&amp;L)</translation>
    </message>
    <message>
        <source>Flat &amp;band</source>
        <translation>持平区间(&amp;B)</translation>
    </message>
    <message>
        <source>Fold&amp;s</source>
        <translation>折数(&amp;S)</translation>
    </message>
    <message>
        <source>Cos&amp;t</source>
        <translation>成本(&amp;T)</translation>
    </message>
    <message>
        <source>Sl&amp;ippage</source>
        <translation>滑点(&amp;I)</translation>
    </message>
    <message>
        <source>The model on the test days next to two baselines scored on the same days: always the training part&apos;s most frequent class, and always “up”</source>
        <translation>模型在测试日上的表现，与在相同日期上评估的两个基准并列：始终预测训练部分中最常见的类别，以及始终预测“上涨”</translation>
    </message>
    <message>
        <source>Trading on the signal after costs and slippage, next to buying and holding over the same test days</source>
        <translation>扣除成本和滑点后按信号交易的结果，与在相同测试日内买入并持有并列比较</translation>
    </message>
    <message>
        <source>Test days by true class (rows) and predicted class (columns)</source>
        <translation>按实际类别（行）和预测类别（列）统计的测试日数</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>预测期</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Beats baselines</source>
        <translation>优于基准</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>打开(&amp;P)</translation>
    </message>
    <message>
        <source>Show the selected model&apos;s signals on the current prices</source>
        <translation>在当前价格上显示所选模型的信号</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Stored Models</source>
        <translation>已存储模型</translation>
    </message>
    <message>
        <source>A signals job on %1 ended after another project was opened.</source>
        <translation>%1 上的信号任务在打开另一个项目后才结束。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was stored.</source>
        <translation>已取消；未存储任何内容。</translation>
    </message>
    <message>
        <source>Signals job cancelled; nothing was stored.</source>
        <translation>信号任务已取消；未存储任何内容。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Store model</source>
        <translation>存储模型</translation>
    </message>
    <message>
        <source>The signal model could not be stored: %1</source>
        <translation>无法存储信号模型：%1</translation>
    </message>
    <message>
        <source>Opened “%1”.</source>
        <translation>已打开“%1”。</translation>
    </message>
    <message>
        <source>Signals “%1”: %2</source>
        <translation>信号“%1”：%2</translation>
    </message>
    <message>
        <source>The backtest&apos;s equity curve against buy-and-hold appears here</source>
        <translation>此处显示回测的净值曲线及其与买入并持有的对比</translation>
    </message>
    <message>
        <source>Click a buy or sell marker on the chart to see why the model gave that signal</source>
        <translation>单击图表上的买入或卖出标记，查看模型给出该信号的原因</translation>
    </message>
    <message>
        <source>Permutation importance appears here after a run</source>
        <translation>运行后，此处显示置换重要性</translation>
    </message>
    <message>
        <source>Mean |SHAP| (trees) or |integrated gradients| (MLP) appear here</source>
        <translation>此处显示平均 |SHAP|（树模型）或 |积分梯度|（MLP）</translation>
    </message>
    <message>
        <source>No explanation is available for %1.</source>
        <translation>%1 没有可用的解释。</translation>
    </message>
    <message>
        <source>Explaining the signal of %1…</source>
        <translation>正在解释 %1 的信号…</translation>
    </message>
    <message>
        <source> · latest (%1): %2</source>
        <translation> · 最新（%1）：%2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 d ahead%4</source>
        <translation>%1 · %2 · 预测 %3 天后%4</translation>
    </message>
    <message>
        <source>Signal (%1)</source>
        <translation>信号（%1）</translation>
    </message>
    <message>
        <source>A stored model keeps its backtest&apos;s statistics (Metrics tab), not its equity curve: run it again to see the curve</source>
        <translation>已存储的模型保留其回测统计（“指标”选项卡），但不保留净值曲线：再次运行即可查看曲线</translation>
    </message>
    <message>
        <source>No backtest</source>
        <translation>无回测</translation>
    </message>
    <message>
        <source>No explanation of the latest signal: %1</source>
        <translation>最新信号没有解释：%1</translation>
    </message>
    <message>
        <source>Stored model “%1”: signals after its training period.</source>
        <translation>已存储的模型“%1”：训练期之后的信号。</translation>
    </message>
    <message>
        <source>“%1”: %2 test days, %3 signal changes; %4</source>
        <translation>“%1”：%2 个测试日，%3 次信号变化；%4</translation>
    </message>
    <message>
        <source>stored in the project.</source>
        <translation>已存储到项目中。</translation>
    </message>
    <message>
        <source>not stored.</source>
        <translation>未存储。</translation>
    </message>
    <message>
        <source>Majority</source>
        <translation>多数类</translation>
    </message>
    <message>
        <source>Always up</source>
        <translation>始终上涨</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <source>Test days</source>
        <translation>测试日数</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Buy and hold</source>
        <translation>买入并持有</translation>
    </message>
    <message>
        <source>Total return</source>
        <translation>总收益率</translation>
    </message>
    <message>
        <source>Annual return</source>
        <translation>年化收益率</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>波动率</translation>
    </message>
    <message>
        <source>Sharpe</source>
        <translation>夏普比率</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>最大回撤</translation>
    </message>
    <message>
        <source>Turnover / year</source>
        <translation>年换手率</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>胜率</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>持仓占比</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>交易次数</translation>
    </message>
    <message>
        <source>Costs paid</source>
        <translation>已付成本</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>%1 (true)</source>
        <translation>%1（实际）</translation>
    </message>
    <message>
        <source>True %1, predicted %2: %3 days (%4 of the true %1 days)</source>
        <translation>实际%1，预测%2：%3 天（占实际%1天数的 %4）</translation>
    </message>
    <message>
        <source>Importance is computed when a model is run</source>
        <translation>运行模型时才会计算重要性</translation>
    </message>
    <message>
        <source>No importance was computed</source>
        <translation>未计算重要性</translation>
    </message>
    <message>
        <source>Permutation importance</source>
        <translation>置换重要性</translation>
    </message>
    <message>
        <source>Drop in test accuracy</source>
        <translation>测试准确率的下降</translation>
    </message>
    <message>
        <source>This model has no per-prediction attributions of its own; permutation importance applies to every model</source>
        <translation>该模型本身没有逐个预测的归因；置换重要性适用于所有模型</translation>
    </message>
    <message>
        <source>Mean |SHAP| (%1)</source>
        <translation>平均 |SHAP|（%1）</translation>
    </message>
    <message>
        <source>Mean |attribution| (%1)</source>
        <translation>平均 |归因|（%1）</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Mean |contribution|</source>
        <translation>平均 |贡献|</translation>
    </message>
    <message>
        <source>The stored models could not be read: %1</source>
        <translation>无法读取已存储的模型：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1: accuracy %2, F1 %3, AUC %4&lt;br&gt;</source>
        <translation>%1：准确率 %2，F1 %3，AUC %4&lt;br&gt;</translation>
    </message>
    <message>
        <source>Backtest: total return %1 (buy and hold %2), Sharpe %3 (%4)&lt;br&gt;</source>
        <translation>回测：总收益率 %1（买入并持有 %2），夏普比率 %3（%4）&lt;br&gt;</translation>
    </message>
    <message>
        <source>Test period %1 – %2</source>
        <translation>测试期 %1 至 %2</translation>
    </message>
    <message>
        <source>accuracy %1 against majority %2 and always up %3</source>
        <translation>准确率 %1，多数类 %2，始终上涨 %3</translation>
    </message>
    <message>
        <source>, p = %1</source>
        <translation>，p = %1</translation>
    </message>
    <message>
        <source>Better than both baselines: %1%2.</source>
        <translation>优于两个基准：%1%2。</translation>
    </message>
    <message>
        <source>Not better than the baselines: not significantly (%1%2); treat it as no edge.</source>
        <translation>不优于基准：差异不显著（%1%2），应视为没有优势。</translation>
    </message>
    <message>
        <source>Not better than the baselines: %1, ROC AUC %2.</source>
        <translation>不优于基准：%1，ROC AUC %2。</translation>
    </message>
    <message>
        <source>total return %1 against %2, Sharpe %3 against %4</source>
        <translation>总收益 %1，对比 %2；夏普比率 %3，对比 %4</translation>
    </message>
    <message>
        <source>After costs the signal beats buy-and-hold (%1).</source>
        <translation>扣除成本后，该信号优于买入并持有（%1）。</translation>
    </message>
    <message>
        <source>After costs the signal does not beat buy-and-hold (%1).</source>
        <translation>扣除成本后，该信号不优于买入并持有（%1）。</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::TailRiskController</name>
    <message>
        <source>Learning tail risk of %1</source>
        <translation>正在学习 %1 的尾部风险</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Learning tail risk cancelled.</source>
        <translation>已取消学习尾部风险。</translation>
    </message>
    <message>
        <source>Learning tail risk failed: %1</source>
        <translation>学习尾部风险失败：%1</translation>
    </message>
    <message>
        <source>Learned tail risk: Brier skill %1 over the base rate %2, lift %3 in the top decile (test part).</source>
        <translation>尾部风险学习完成：相对基准频率 %2 的 Brier 技能评分为 %1，最高十分位提升度 %3（测试集）。</translation>
    </message>
    <message>
        <source>The model could not be stored in the project: %1</source>
        <translation>模型无法保存到项目中：%1</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::TrainingDialog</name>
    <message>
        <source>MLP: dense layers over the flattened window; 1D-CNN: dilated causal convolutions; LSTM and GRU: recurrent; Transformer: self-attention encoder</source>
        <translation>MLP：展平窗口上的全连接层；1D-CNN：膨胀因果卷积；LSTM 和 GRU：循环网络；Transformer：自注意力编码器</translation>
    </message>
    <message>
        <source>Instrument whose prices the model learns from</source>
        <translation>模型从其价格中学习的品种</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>The model forecasts 1 to this many trading days ahead</source>
        <translation>模型向前预测 1 到此数量的交易日</translation>
    </message>
    <message>
        <source>Past trading days the model sees for each forecast</source>
        <translation>每次预测时模型看到的过去交易日数</translation>
    </message>
    <message>
        <source>Passes over the training data; training stops earlier when the validation loss no longer improves</source>
        <translation>遍历训练数据的次数；当验证损失不再改善时训练会提前停止</translation>
    </message>
    <message>
        <source>Random seed: the same seed and data give the same model</source>
        <translation>随机种子：相同的种子和数据得到相同的模型</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA (GPU)</source>
        <translation>CUDA（GPU）</translation>
    </message>
    <message>
        <source>No CUDA device is available on this computer</source>
        <translation>此计算机上没有可用的 CUDA 设备</translation>
    </message>
    <message>
        <source>Walk-forward folds: the model is refitted before each test period</source>
        <translation>滚动前进的折数：每个测试期之前重新拟合模型</translation>
    </message>
    <message>
        <source>Expanding window</source>
        <translation>扩展窗口</translation>
    </message>
    <message>
        <source>Sliding window</source>
        <translation>滑动窗口</translation>
    </message>
    <message>
        <source>Expanding: each refit uses all earlier data; sliding: the training part keeps its length</source>
        <translation>扩展：每次重新拟合使用之前的全部数据；滑动：训练部分保持其长度</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Ticker</source>
        <translation>代码(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Horizon</source>
        <translation>预测期(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Window</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Epochs</source>
        <translation>轮数(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Seed</source>
        <translation>种子(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation>设备(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Folds</source>
        <translation>折数(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refits</source>
        <translation>重新拟合(&amp;R)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running job after the current batch</source>
        <translation>在当前批次之后停止正在运行的任务</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hide this window; a running job goes on in the jobs bar</source>
        <translation>隐藏此窗口；正在运行的任务会在任务栏中继续</translation>
    </message>
    <message>
        <source>Backtest a Forecaster</source>
        <translation>回测预测模型</translation>
    </message>
    <message>
        <source>Train a Forecaster</source>
        <translation>训练预测模型</translation>
    </message>
    <message>
        <source>Run &amp;Backtest</source>
        <translation>运行回测(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Refit the model on each fold&apos;s past and score it beside the baselines</source>
        <translation>在每折的过去数据上重新拟合模型，并与基准并列评分</translation>
    </message>
    <message>
        <source>Train the model and store it in the project</source>
        <translation>训练模型并将其存储在项目中</translation>
    </message>
    <message>
        <source>Another training or backtest is running; wait for it or cancel it.</source>
        <translation>另一个训练或回测正在运行；请等待其结束或取消它。</translation>
    </message>
    <message>
        <source>Open a project with prices first.</source>
        <translation>请先打开一个含有价格的项目。</translation>
    </message>
    <message>
        <source>Preparing the data…</source>
        <translation>正在准备数据…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>将在当前批次之后取消…</translation>
    </message>
    <message>
        <source>Epoch %1 of %2 · batch %3 of %4</source>
        <translation>第 %1/%2 轮 · 第 %3/%4 批</translation>
    </message>
    <message>
        <source>Refit %1 of %2 · </source>
        <translation>第 %1/%2 次重新拟合 · </translation>
    </message>
    <message>
        <source>Training loss %1 · validation loss %2 · learning rate %3</source>
        <translation>训练损失 %1 · 验证损失 %2 · 学习率 %3</translation>
    </message>
    <message>
        <source>Elapsed %1 · about %2 left</source>
        <translation>已用 %1 · 约剩 %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The job was cancelled; nothing was stored.</source>
        <translation>任务已取消；未存储任何内容。</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
    <message>
        <source>Backtest finished: %1 folds.</source>
        <translation>回测已完成：%1 折。</translation>
    </message>
    <message>
        <source>Finished after %1 epochs.</source>
        <translation>经过 %1 轮后完成。</translation>
    </message>
    <message>
        <source>Stored as “%1”.</source>
        <translation>已存储为“%1”。</translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>未存储：%1</translation>
    </message>
    <message>
        <source>Use &amp;news sentiment</source>
        <translation>使用新闻情绪(&amp;N)</translation>
    </message>
    <message>
        <source>Adds the ticker&apos;s daily news sentiment index (lexicon scores, decayed over days) to the model&apos;s inputs. Score the news on the News tab first.</source>
        <translation>将该代码的每日新闻情绪指数（词典评分，按天衰减）加入模型输入。请先在“新闻”选项卡中为新闻评分。</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::TrainingWorker</name>
    <message>
        <source>The project has no prices for %1.</source>
        <translation>项目中没有 %1 的价格。</translation>
    </message>
    <message>
        <source>This model is a classifier, not a price forecaster.</source>
        <translation>该模型是分类器，而不是价格预测模型。</translation>
    </message>
    <message>
        <source>%1 has no news sentiment index: import news about it and score them on the News tab first.</source>
        <translation>%1 没有新闻情绪指数：请先导入关于它的新闻，并在“新闻”选项卡中为其评分。</translation>
    </message>
</context>
<context>
    <name>marketlens::ui::UnderwaterView</name>
    <message>
        <source>Drawdown</source>
        <translation>回撤</translation>
    </message>
    <message>
        <source>Maximum drawdown</source>
        <translation>最大回撤</translation>
    </message>
    <message>
        <source>Below previous peak</source>
        <translation>低于前期峰值</translation>
    </message>
    <message>
        <source>Run the risk analysis to see the drawdowns</source>
        <translation>运行风险分析以查看回撤</translation>
    </message>
    <message>
        <source>Maximum drawdown %1 % on %2</source>
        <translation>最大回撤 %1 %（%2）</translation>
    </message>
    <message>
        <source>
peak %1</source>
        <translation>
峰值 %1</translation>
    </message>
    <message>
        <source>, recovered %1</source>
        <translation>，%1 恢复</translation>
    </message>
    <message>
        <source>, not recovered</source>
        <translation>，尚未恢复</translation>
    </message>
    <message>
        <source>No drawdown in this period</source>
        <translation>此期间没有回撤</translation>
    </message>
    <message>
        <source>%1: %2 % below the previous peak</source>
        <translation>%1：低于前期峰值 %2 %</translation>
    </message>
</context>
</TS>
