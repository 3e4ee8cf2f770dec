<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssessmentView</name>
    <message>
        <location filename="../../desktop/calculator_view/html_parts.py" line="44"/>
        <source>Blocked</source>
        <translation>禁用</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/html_parts.py" line="45"/>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/html_parts.py" line="46"/>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="37"/>
        <source>Kidney function and calcium</source>
        <translation>肾功能与血钙</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="41"/>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="239"/>
        <source>Hypercalcaemia</source>
        <translation>高钙血症</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/html_parts.py" line="100"/>
        <location filename="../../desktop/calculator_view/html_parts.py" line="115"/>
        <source>Guideline</source>
        <translation>指南</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="149"/>
        <source>Dose and schedule</source>
        <translation>剂量与用法</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="150"/>
        <source>Status</source>
        <translation>可否使用</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="169"/>
        <source>Every usable agent:</source>
        <translation>所有可用药物：</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="193"/>
        <source>Preferred</source>
        <translation>优选</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="194"/>
        <source>Can be used</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="195"/>
        <source>Waiting for input</source>
        <translation>待填写</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="196"/>
        <source>Not to be used</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="226"/>
        <source>Before starting:</source>
        <translation>用药前：</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="241"/>
        <source>CTCAE grade %1</source>
        <translation>CTCAE %1 级</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="294"/>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="295"/>
        <source>During treatment</source>
        <translation>治疗期间</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="309"/>
        <source>Working</source>
        <translation>计算过程</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="322"/>
        <source>Content version %1</source>
        <translation>内容版本 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="327"/>
        <source>rules %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="329"/>
        <source>app %1</source>
        <translation>程序 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="248"/>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="38"/>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="250"/>
        <source>Systemic therapy</source>
        <translation>全身治疗</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="74"/>
        <source>%1 — waiting for: %2</source>
        <translation>%1——待填写：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="141"/>
        <source>Indicated</source>
        <translation>有指征</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="142"/>
        <source>Not indicated</source>
        <translation>无指征</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="39"/>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="177"/>
        <source>Bone-modifying agent</source>
        <translation>骨改良药物</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="144"/>
        <source>Indication pending</source>
        <translation>指征待定</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="148"/>
        <source>Agent</source>
        <translation>药物</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="293"/>
        <source>What to check</source>
        <translation>监测项目</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="296"/>
        <source>For</source>
        <translation>适用药物</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="40"/>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="299"/>
        <source>Monitoring</source>
        <translation>监测</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_html.py" line="318"/>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_view.py" line="109"/>
        <source>Partial assessment: the sections marked ○ wait for input.</source>
        <translation>部分评估：标 ○ 的部分尚待填写。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_view.py" line="111"/>
        <source>Assessment of the current input.</source>
        <translation>以下为当前输入的评估结果。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_view.py" line="130"/>
        <source>Fill in the form to see the assessment.</source>
        <translation>请填写表单以查看评估结果。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_view.py" line="133"/>
        <source>Fill in the required fields (*) to see the assessment.</source>
        <translation>请填写必填项（*）以查看评估结果。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/assessment_view.py" line="153"/>
        <source>Marked fields: %1</source>
        <translation>标出的字段：%1</translation>
    </message>
</context>
<context>
    <name>CalculatorForm</name>
    <message>
        <location filename="../../desktop/calculator_view/field_values.py" line="101"/>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/lab_field.py" line="71"/>
        <source>%1 looks like %2 — switch unit?</source>
        <translation>%1 像是 %2——改用此单位？</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/lab_field.py" line="94"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/lab_field.py" line="95"/>
        <source>unit?</source>
        <translation>单位？</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/field_widgets.py" line="84"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/field_widgets.py" line="85"/>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/field_widgets.py" line="181"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/field_widgets.py" line="182"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/field_widgets.py" line="183"/>
        <source>Unsure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/form_layout.py" line="50"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/form_layout.py" line="51"/>
        <source>Kidney function and calcium</source>
        <translation>肾功能与血钙</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/form_layout.py" line="52"/>
        <source>Bone metastases and tumour</source>
        <translation>骨转移与肿瘤</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/form_layout.py" line="53"/>
        <source>Prior therapy / biomarkers</source>
        <translation>既往治疗/生物标志物</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/form_layout.py" line="54"/>
        <source>More about the patient</source>
        <translation>患者其他情况</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/form_layout.py" line="55"/>
        <source>More about the tumour</source>
        <translation>肿瘤其他情况</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/form_layout.py" line="57"/>
        <source>More laboratory values</source>
        <translation>其他化验</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/form_layout.py" line="56"/>
        <source>Biomarkers</source>
        <translation>生物标志物</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/form_layout.py" line="58"/>
        <source>Kidney, dental, pregnancy and current bone agent</source>
        <translation>肾功能、口腔、妊娠与当前骨改良药物</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_form.py" line="187"/>
        <source>✔ No prior therapy, first line</source>
        <translation>✔ 无既往治疗（一线）</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_form.py" line="223"/>
        <source>None (first line)</source>
        <translation>无（一线）</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_form.py" line="225"/>
        <source>No prior therapy for advanced disease; biomarkers not tested</source>
        <translation>晚期阶段未接受过治疗；生物标志物未检测</translation>
    </message>
</context>
<context>
    <name>CalculatorPage</name>
    <message>
        <location filename="../../desktop/calculator_view/page_dialogs.py" line="20"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/page_dialogs.py" line="22"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/page_dialogs.py" line="30"/>
        <source>Load patient</source>
        <translation>载入患者</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/page_dialogs.py" line="31"/>
        <source>Patient files (*.json)</source>
        <translation>患者文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/page_dialogs.py" line="58"/>
        <source>New patient</source>
        <translation>新患者</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/page_dialogs.py" line="59"/>
        <source>Clear the form? What was entered for this patient will be lost.</source>
        <translation>清空表单？已为该患者填写的内容将丢失。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="141"/>
        <source>&amp;New patient</source>
        <translation>新患者(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="142"/>
        <source>&amp;Open patient file…</source>
        <translation>打开患者文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="143"/>
        <source>&amp;Copy for chart</source>
        <translation>复制到病历(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="144"/>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="145"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="146"/>
        <source>Copy f&amp;ull report</source>
        <translation>复制完整报告(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="148"/>
        <source>Put the short chart note (at most 10 lines) on the clipboard</source>
        <translation>将简短病历记录（不超过 10 行）复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="151"/>
        <source>Put the full report (inputs, working, references) on the clipboard</source>
        <translation>将完整报告（输入、计算过程、参考文献）复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="153"/>
        <source>Patient input</source>
        <translation>患者信息输入</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="154"/>
        <source>Assessment</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="198"/>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="199"/>
        <source>The assessment could not be computed.</source>
        <translation>无法完成评估。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="225"/>
        <source>Not loaded (unknown fields, or a group that is not an object): %1</source>
        <translation>未载入（无法识别的字段，或不是对象的分组）：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="270"/>
        <source>Not loaded: %1</source>
        <translation>未载入：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="303"/>
        <source>No result to output yet: complete or correct the input.</source>
        <translation>尚无可输出的结果：请补全或更正输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="308"/>
        <source>Chart note copied.</source>
        <translation>病历记录已复制。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="312"/>
        <source>Full report copied.</source>
        <translation>已复制完整报告。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="361"/>
        <source>The report could not be printed.</source>
        <translation>报告未能打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="391"/>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="403"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="405"/>
        <source>the PDF could not be started</source>
        <translation>无法创建 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="408"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="61"/>
        <source>Inputs</source>
        <translation>输入信息</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="66"/>
        <source>Name: %1</source>
        <translation>姓名：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="67"/>
        <source>Hospital number: %1</source>
        <translation>住院号：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="74"/>
        <source>Doctor&apos;s signature: %1</source>
        <translation>医师签名：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="75"/>
        <source>Date: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="94"/>
        <source>Printed %1 · %2</source>
        <translation>打印于 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report.py" line="110"/>
        <source>%1 · %2 · page %3 of %4</source>
        <translation>%1 · %2 · 第 %3 页，共 %4 页</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/calculator_page.py" line="398"/>
        <location filename="../../desktop/calculator_view/report.py" line="92"/>
        <source>BoneMet Guide — assessment report</source>
        <translation>乳腺癌骨转移诊疗助手 — 评估报告</translation>
    </message>
</context>
<context>
    <name>ReportHeader</name>
    <message>
        <location filename="../../desktop/calculator_view/report_header.py" line="26"/>
        <source>Patient on the printout</source>
        <translation>打印单上的患者信息</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report_header.py" line="30"/>
        <source>Optional. Printed on this report only; never saved.</source>
        <translation>可不填。仅打印在本次报告上，不会保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report_header.py" line="33"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/calculator_view/report_header.py" line="34"/>
        <source>&amp;Hospital number:</source>
        <translation>住院号(&amp;H)：</translation>
    </message>
</context>
</TS>
