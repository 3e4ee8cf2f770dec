<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssessmentView</name>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="45"/>
        <source>Blocked</source>
        <translation>禁用</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="46"/>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="47"/>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="85"/>
        <source>Guideline</source>
        <translation>指南</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="126"/>
        <source>Warnings</source>
        <translation>警示</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="136"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="137"/>
        <source>Systemic therapy</source>
        <translation>全身治疗</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="153"/>
        <source>Indicated</source>
        <translation>有指征</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="154"/>
        <source>Not indicated</source>
        <translation>无指征</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="156"/>
        <source>Bone-modifying agent</source>
        <translation>骨改良药物</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="158"/>
        <source>Agent</source>
        <translation>药物</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="158"/>
        <source>Eligible</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="159"/>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="172"/>
        <source>Preferred</source>
        <translation>优选</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="159"/>
        <source>Dose (mg)</source>
        <translation>剂量（mg）</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="160"/>
        <source>Route</source>
        <translation>途径</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="160"/>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="169"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="169"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="178"/>
        <source>every %1 weeks</source>
        <translation>每 %1 周</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="181"/>
        <source>see below</source>
        <translation>见下方</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="199"/>
        <source>Before starting</source>
        <translation>用药前准备</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="206"/>
        <source>What to check</source>
        <translation>监测项目</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="206"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="207"/>
        <source>For</source>
        <translation>适用药物</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="210"/>
        <source>Monitoring</source>
        <translation>监测</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="214"/>
        <source>not available</source>
        <translation>无法计算</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="223"/>
        <source>Working:</source>
        <translation>计算过程：</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="224"/>
        <source>Derived values</source>
        <translation>计算值</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="234"/>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="237"/>
        <source>Content version:</source>
        <translation>内容版本：</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_view.py" line="91"/>
        <source>Assessment of the current input.</source>
        <translation>以下为当前输入的评估结果。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_view.py" line="105"/>
        <source>Fill in the form to see the assessment.</source>
        <translation>请填写表单以查看评估结果。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_view.py" line="107"/>
        <source>Fill in the required fields (*) to see the assessment.</source>
        <translation>请填写必填项（*）以查看评估结果。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_view.py" line="117"/>
        <source>Marked fields: %1</source>
        <translation>标出的字段：%1</translation>
    </message>
</context>
<context>
    <name>CalculatorForm</name>
    <message>
        <location filename="../../desktop/calculator_view/field_values.py" line="104"/>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/field_widgets.py" line="156"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/field_widgets.py" line="157"/>
        <source>unit?</source>
        <translation>单位？</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/field_widgets.py" line="207"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/field_widgets.py" line="208"/>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_form.py" line="26"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_form.py" line="27"/>
        <source>Tumour and treatment history</source>
        <translation>肿瘤与治疗史</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_form.py" line="28"/>
        <source>Biomarkers</source>
        <translation>生物标志物</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_form.py" line="29"/>
        <source>Laboratory values</source>
        <translation>实验室检查</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_form.py" line="30"/>
        <source>Kidney, dental, pregnancy and current bone agent</source>
        <translation>肾功能、口腔、妊娠与当前骨改良药物</translation>
    </message>
</context>
<context>
    <name>CalculatorPage</name>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="46"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="47"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="53"/>
        <source>Load patient</source>
        <translation>载入患者</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="54"/>
        <source>Patient files (*.json)</source>
        <translation>患者文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="149"/>
        <source>&amp;New patient</source>
        <translation>新患者(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="150"/>
        <source>&amp;Open patient file…</source>
        <translation>打开患者文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="151"/>
        <source>&amp;Copy for chart</source>
        <translation>复制到病历(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="152"/>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="153"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="154"/>
        <source>Put the chart note on the clipboard</source>
        <translation>将病历记录复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="155"/>
        <source>Patient input</source>
        <translation>患者信息输入</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="156"/>
        <source>Assessment</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="183"/>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="184"/>
        <source>The assessment could not be computed.</source>
        <translation>无法完成评估。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="197"/>
        <source>Not loaded (unknown fields, or a group that is not an object): %1</source>
        <translation>未载入（无法识别的字段，或不是对象的分组）：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="227"/>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="231"/>
        <source>%1 does not hold one patient.</source>
        <translation>%1 不是单个患者的数据。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="244"/>
        <source>No result to output yet: complete or correct the input.</source>
        <translation>尚无可输出的结果：请补全或更正输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="252"/>
        <source>Chart note copied.</source>
        <translation>病历记录已复制。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="279"/>
        <source>The report could not be printed.</source>
        <translation>报告未能打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="306"/>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="315"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="316"/>
        <source>the PDF could not be started</source>
        <translation>无法创建 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="318"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="34"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="34"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="57"/>
        <source>Inputs</source>
        <translation>输入信息</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="311"/>
        <location filename="../../desktop/calculator_view/report.py" line="66"/>
        <source>BoneMet Guide — assessment report</source>
        <translation>乳腺癌骨转移诊疗助手 — 评估报告</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="67"/>
        <source>Date: %1 · Content version: %2</source>
        <translation>日期：%1 · 内容版本：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="76"/>
        <source>Content version %1 · %2 · page %3 of %4</source>
        <translation>内容版本 %1 · %2 · 第 %3 页，共 %4 页</translation>
    </message>
</context>
</TS>
