<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>OnboardingPage</name>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="123" />
            <source>Edit steps…</source>
            <translation>编辑流程…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="127" />
            <source>Only the owner or an admin may change the entry steps</source>
            <translation>只有群主或管理员可以修改入群流程</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="134" />
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="135" />
            <source>Overall</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="146" />
            <source>Entry funnel</source>
            <translation>入群漏斗</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="167" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="168" />
            <source>Not joined yet</source>
            <translation>尚未入群</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="177" />
            <source>Only stalled for more than</source>
            <translation>只看停滞超过</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="181" />
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="190" />
            <location filename="../../ui/pages/onboarding_page.py" line="487" />
            <source>Record for selected</source>
            <translation>为所选成员记录</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="192" />
            <source>Record the chosen step for every selected member, all at once</source>
            <translation>一次性为所有选中的成员记录所选步骤</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="248" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="278" />
            <source>Choose a group on the left to see its entry steps.</source>
            <translation>请在左侧选择一个社群，查看它的入群流程。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="341" />
            <source>Onboarding</source>
            <translation>入群流程</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="351" />
            <source>%1 · entry steps</source>
            <translation>%1 · 入群流程</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="373" />
            <source>Reached</source>
            <translation>到达人数</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="378" />
            <source>%1 reached the first step, %2 the last (%3)</source>
            <translation>%1 人完成第一步，%2 人完成最后一步 (%3)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="384" />
            <source>Nobody recorded a step in this period.</source>
            <translation>这段时间没有人记录过步骤。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="450" />
            <source>Waiting</source>
            <translation>等待</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/onboarding_page.py" line="475" />
            <source>Nobody is stalled for more than %n day(s).</source>
            <translation>
                <numerusform>没有人停滞超过 %Ln 天。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="477" />
            <source>Nobody here yet. Applicants appear as soon as they are added to the roster.</source>
            <translation>这里还没有人。申请者加入名册后会出现在这里。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/onboarding_page.py" line="487" />
            <source>Record for %n selected</source>
            <translation>
                <numerusform>为所选 %Ln 人记录</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="528" />
            <source>Already recorded. Press Delete to undo a step.</source>
            <translation>已经记录过了。按 Delete 可撤销该步骤。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="542" />
            <source>Everyone selected has this step already.</source>
            <translation>选中的成员都已完成这一步。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="595" />
            <source>🎉 %1 finished the entry steps and is now a member (%2).</source>
            <translation>🎉 %1 已完成入群流程，状态变为「%2」。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="604" />
            <source>Recorded “%1” for %2.</source>
            <translation>已为 %2 记录「%1」。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="708" />
            <source>“%1” of %2 was recorded by someone else already.</source>
            <translation>%2 的「%1」已由他人记录。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="638" />
            <source>Removed “%1” for %2.</source>
            <translation>已撤销 %2 的「%1」。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="752" />
            <source>“%1” of %2 was taken back by someone else already.</source>
            <translation>%2 的「%1」已被他人撤销，无需再撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="777" />
            <source>%1: no longer a member (%2 again).</source>
            <translation>%1 不再是已入群成员（回到%2）。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="674" />
            <source>Undone.</source>
            <translation>已撤销。</translation>
        </message>
        <message>
            <source>Nothing to undo here. Undo takes back the steps recorded or removed on this page in this group since it was chosen.</source>
            <translation>这里没有可以撤销的操作。撤销只能取回选中这个社群以来在本页记录或删除的步骤。</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="694" />
            <source>%1 — what did they answer? (may be left empty)</source>
            <translation>%1 的回答是？(可以留空)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="703" />
            <source>%1 — amount paid (yuan):</source>
            <translation>%1 缴纳的金额 (元)：</translation>
        </message>
        <message>
            <source>Copy welcome</source>
            <translation>复制欢迎词</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>欢迎词</translation>
        </message>
        <message>
            <source>Copy a welcome for the selected newcomer: the group's goal, rules, joining notice and the entry steps still to do; the arrow opens a preview</source>
            <translation>复制给选中新人的欢迎词：社群目标、群规、入群须知和还要完成的入群步骤；点箭头可先预览</translation>
        </message>
        <message>
            <source>Copy stalled reminder</source>
            <translation>复制停滞提醒</translation>
        </message>
        <message>
            <source>Stalled reminder</source>
            <translation>入群停滞提醒</translation>
        </message>
        <message>
            <source>Copy a reminder to the newcomers in the group whose entry steps have stalled, naming each one's step; the arrow opens a preview</source>
            <translation>复制给入群流程停滞的新人的提醒，写明每人卡在哪一步；点箭头可先预览</translation>
        </message>
        <message>
            <source>Select a newcomer first</source>
            <translation>请先选中一位新人</translation>
        </message>
        <message>
            <source>Click an empty cell or press Space/Enter to record a step · click a ✓ to see or change what was recorded · Delete removes a ✓ · Ctrl+Z undoes the last change</source>
            <translation>单击空白格或按空格/回车记录步骤 · 单击 ✓ 查看或修改记录的内容 · Delete 删除 ✓ · Ctrl+Z 撤销上一步</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>ProgressMatrixModel</name>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="30" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="31" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="32" />
            <source>Waiting</source>
            <translation>等待</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="142" />
            <source>(retired)</source>
            <translation>(已停用)</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="146" />
            <source>Days since the entry process last moved (applicants and newcomers)</source>
            <translation>入群流程最近一次推进至今的天数 (申请中和入群中的成员)</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="151" />
            <source>Required</source>
            <translation>必须</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="151" />
            <source>Optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="154" />
            <source>Retired: its records are kept</source>
            <translation>已停用：已有记录会保留</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/models/progress_matrix_model.py" line="184" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%Ln 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/models/progress_matrix_model.py" line="196" />
            <source>Stalled: no step recorded for more than %n day(s)</source>
            <translation>
                <numerusform>停滞：超过 %Ln 天没有新的步骤记录</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="223" />
            <source>Retired step</source>
            <translation>已停用的步骤</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="224" />
            <source>Not done yet: click, or press Space or Enter, to record it</source>
            <translation>尚未完成：单击或按空格/回车记录</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="231" />
            <source>Done %1</source>
            <translation>完成于 %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="236" />
            <source>Recorded by %1</source>
            <translation>记录人 %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="238" />
            <source>Answer: %1</source>
            <translation>回答：%1</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="240" />
            <source>Amount: ¥%1</source>
            <translation>金额：¥%1</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="242" />
            <source>Read rules version %1</source>
            <translation>阅读的群规版本：第 %1 版</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="244" />
            <source>Retired step: the record is kept</source>
            <translation>已停用的步骤：记录会保留</translation>
        </message>
        <message>
            <source>Click to see or change it</source>
            <translation>单击可查看或修改</translation>
        </message>
    </context>
    <context>
        <name>StepKind</name>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="36" />
            <source>Question</source>
            <translation>问答</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="37" />
            <source>Acknowledge</source>
            <translation>确认阅读</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="38" />
            <source>Payment</source>
            <translation>缴费</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="39" />
            <source>Ritual</source>
            <translation>仪式</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="40" />
            <source>Verification</source>
            <translation>认证</translation>
        </message>
    </context>
    <context>
        <name>StepsDialog</name>
        <message numerus="yes">
            <source>Retiring “%1” makes %n newcomer(s) members now, who have done every other required step: %2.</source>
            <translation>
                <numerusform>停用“%1”会让 %Ln 位已完成其他所有必需步骤的新人立即成为成员：%2。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Making “%1” optional makes %n newcomer(s) members now, who have done every other required step: %2.</source>
            <translation>
                <numerusform>把“%1”改为可选会让 %Ln 位已完成其他所有必需步骤的新人立即成为成员：%2。</numerusform>
            </translation>
        </message>
        <message>
            <source>Putting the step back later does not undo this. Go on?</source>
            <translation>之后恢复此步骤也不会撤销这些入群。继续吗？</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="60" />
            <source>Entry steps · %1</source>
            <translation>入群流程 · %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="60" />
            <source>Entry steps</source>
            <translation>入群流程</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="69" />
            <source>Newcomers go through these steps in this order. Drag a step, or use Move up / Move down, to reorder. Retiring a step keeps everything already recorded for it.</source>
            <translation>新人按这个顺序完成各个步骤。拖动步骤，或用「上移」「下移」调整顺序。停用一个步骤时，已记录的进度会全部保留。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="87" />
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="88" />
            <source>Move down</source>
            <translation>下移</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="89" />
            <source>Retire</source>
            <translation>停用</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="90" />
            <source>Take the step out of the process; its records are kept</source>
            <translation>把这一步移出流程，已有记录会保留</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="107" />
            <source>Step name</source>
            <translation>步骤名称</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="111" />
            <source>Required to become a member</source>
            <translation>入群必须完成</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="113" />
            <source>Selected step</source>
            <translation>选中的步骤</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="115" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="116" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="122" />
            <source>New step, e.g. 加入打卡小组</source>
            <translation>新步骤，例如：加入打卡小组</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="126" />
            <source>Required</source>
            <translation>必须</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="128" />
            <source>Add step</source>
            <translation>添加步骤</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="141" />
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="142" />
            <source>Put the step back at the end of the process</source>
            <translation>把这一步放回流程末尾</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="144" />
            <source>Retired steps (records kept)</source>
            <translation>已停用的步骤 (记录保留)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="149" />
            <source>Only the owner or an admin may change the entry steps.</source>
            <translation>只有群主或管理员可以修改入群流程。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="224" />
            <source>required</source>
            <translation>必须</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="224" />
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/steps_dialog.py" line="375" />
            <source>%n newcomer(s) had done every step still required and are now members: %1</source>
            <translation>
                <numerusform>%Ln 位新人已完成所有仍需的步骤，现已成为成员：%1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StepRecordDialog</name>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Not recorded.</source>
            <translation>没有记录。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Done %1</source>
            <translation>完成于 %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>recorded by %1</source>
            <translation>记录人 %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>read rules version %1</source>
            <translation>阅读的群规版本 %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>retired step: the record is kept</source>
            <translation>步骤已停用：记录保留</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>No answer recorded. Type it here.</source>
            <translation>没有记录回答，可在这里填写。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>No answer recorded.</source>
            <translation>没有记录回答。</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Answer</source>
            <translation>回答</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Amount paid</source>
            <translation>实付金额</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Take the step back</source>
            <translation>撤销这一步</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>The step is no longer done; what it held is removed</source>
            <translation>这一步改为未完成，记录的内容一并删除</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
</TS>
