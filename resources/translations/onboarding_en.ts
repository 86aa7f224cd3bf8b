<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>OnboardingPage</name>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="123" />
            <source>Edit steps…</source>
            <translation>Edit steps…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="127" />
            <source>Only the owner or an admin may change the entry steps</source>
            <translation>Only the owner or an admin may change the entry steps</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="134" />
            <source>This month</source>
            <translation>This month</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="135" />
            <source>Overall</source>
            <translation>Overall</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="146" />
            <source>Entry funnel</source>
            <translation>Entry funnel</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="167" />
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="168" />
            <source>Not joined yet</source>
            <translation>Not joined yet</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="177" />
            <source>Only stalled for more than</source>
            <translation>Only stalled for more than</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="181" />
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="190" />
            <location filename="../../ui/pages/onboarding_page.py" line="487" />
            <source>Record for selected</source>
            <translation>Record for selected</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="192" />
            <source>Record the chosen step for every selected member, all at once</source>
            <translation>Record the chosen step for every selected member, all at once</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="248" />
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="278" />
            <source>Choose a group on the left to see its entry steps.</source>
            <translation>Choose a group on the left to see its entry steps.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="341" />
            <source>Onboarding</source>
            <translation>Onboarding</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="351" />
            <source>%1 · entry steps</source>
            <translation>%1 · entry steps</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="373" />
            <source>Reached</source>
            <translation>Reached</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="378" />
            <source>%1 reached the first step, %2 the last (%3)</source>
            <translation>%1 reached the first step, %2 the last (%3)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="384" />
            <source>Nobody recorded a step in this period.</source>
            <translation>Nobody recorded a step in this period.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="450" />
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/onboarding_page.py" line="475" />
            <source>Nobody is stalled for more than %n day(s).</source>
            <translation>
                <numerusform>Nobody is stalled for more than %Ln day.</numerusform>
                <numerusform>Nobody is stalled for more than %Ln days.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="477" />
            <source>Nobody here yet. Applicants appear as soon as they are added to the roster.</source>
            <translation>Nobody here yet. Applicants appear as soon as they are added to the roster.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/onboarding_page.py" line="487" />
            <source>Record for %n selected</source>
            <translation>
                <numerusform>Record for %Ln selected</numerusform>
                <numerusform>Record for %Ln selected</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="528" />
            <source>Already recorded. Press Delete to undo a step.</source>
            <translation>Already recorded. Press Delete to undo a step.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="542" />
            <source>Everyone selected has this step already.</source>
            <translation>Everyone selected has this step already.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="595" />
            <source>🎉 %1 finished the entry steps and is now a member (%2).</source>
            <translation>🎉 %1 finished the entry steps and is now a member (%2).</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="604" />
            <source>Recorded “%1” for %2.</source>
            <translation>Recorded “%1” for %2.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="708" />
            <source>“%1” of %2 was recorded by someone else already.</source>
            <translation>“%1” of %2 was recorded by someone else already.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="638" />
            <source>Removed “%1” for %2.</source>
            <translation>Removed “%1” for %2.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="752" />
            <source>“%1” of %2 was taken back by someone else already.</source>
            <translation>“%1” of %2 was taken back by someone else already.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="777" />
            <source>%1: no longer a member (%2 again).</source>
            <translation>%1: no longer a member (%2 again).</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="674" />
            <source>Undone.</source>
            <translation>Undone.</translation>
        </message>
        <message>
            <source>Nothing to undo here. Undo takes back the steps recorded or removed on this page in this group since it was chosen.</source>
            <translation>Nothing to undo here. Undo takes back the steps recorded or removed on this page in this group since it was chosen.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="694" />
            <source>%1 — what did they answer? (may be left empty)</source>
            <translation>%1 — what did they answer? (may be left empty)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/onboarding_page.py" line="703" />
            <source>%1 — amount paid (yuan):</source>
            <translation>%1 — amount paid (yuan):</translation>
        </message>
        <message>
            <source>Copy welcome</source>
            <translation>Copy welcome</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <source>Copy a welcome for the selected newcomer: the group's goal, rules, joining notice and the entry steps still to do; the arrow opens a preview</source>
            <translation>Copy a welcome for the selected newcomer: the group's goal, rules, joining notice and the entry steps still to do; the arrow opens a preview</translation>
        </message>
        <message>
            <source>Copy stalled reminder</source>
            <translation>Copy stalled reminder</translation>
        </message>
        <message>
            <source>Stalled reminder</source>
            <translation>Stalled reminder</translation>
        </message>
        <message>
            <source>Copy a reminder to the newcomers in the group whose entry steps have stalled, naming each one's step; the arrow opens a preview</source>
            <translation>Copy a reminder to the newcomers in the group whose entry steps have stalled, naming each one's step; the arrow opens a preview</translation>
        </message>
        <message>
            <source>Select a newcomer first</source>
            <translation>Select a newcomer first</translation>
        </message>
        <message>
            <source>Click an empty cell or press Space/Enter to record a step · click a ✓ to see or change what was recorded · Delete removes a ✓ · Ctrl+Z undoes the last change</source>
            <translation>Click an empty cell or press Space/Enter to record a step · click a ✓ to see or change what was recorded · Delete removes a ✓ · Ctrl+Z undoes the last change</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>ProgressMatrixModel</name>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="30" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="31" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="32" />
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="142" />
            <source>(retired)</source>
            <translation>(retired)</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="146" />
            <source>Days since the entry process last moved (applicants and newcomers)</source>
            <translation>Days since the entry process last moved (applicants and newcomers)</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="151" />
            <source>Required</source>
            <translation>Required</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="151" />
            <source>Optional</source>
            <translation>Optional</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="154" />
            <source>Retired: its records are kept</source>
            <translation>Retired: its records are kept</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/models/progress_matrix_model.py" line="184" />
            <source>%n day(s)</source>
            <translation>
                <numerusform>%Ln day</numerusform>
                <numerusform>%Ln days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/models/progress_matrix_model.py" line="196" />
            <source>Stalled: no step recorded for more than %n day(s)</source>
            <translation>
                <numerusform>Stalled: no step recorded for more than %Ln day</numerusform>
                <numerusform>Stalled: no step recorded for more than %Ln days</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="223" />
            <source>Retired step</source>
            <translation>Retired step</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="224" />
            <source>Not done yet: click, or press Space or Enter, to record it</source>
            <translation>Not done yet: click, or press Space or Enter, to record it</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="231" />
            <source>Done %1</source>
            <translation>Done %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="236" />
            <source>Recorded by %1</source>
            <translation>Recorded by %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="238" />
            <source>Answer: %1</source>
            <translation>Answer: %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="240" />
            <source>Amount: ¥%1</source>
            <translation>Amount: ¥%1</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="242" />
            <source>Read rules version %1</source>
            <translation>Read rules version %1</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="244" />
            <source>Retired step: the record is kept</source>
            <translation>Retired step: the record is kept</translation>
        </message>
        <message>
            <source>Click to see or change it</source>
            <translation>Click to see or change it</translation>
        </message>
    </context>
    <context>
        <name>StepKind</name>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="36" />
            <source>Question</source>
            <translation>Question</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="37" />
            <source>Acknowledge</source>
            <translation>Acknowledge</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="38" />
            <source>Payment</source>
            <translation>Payment</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="39" />
            <source>Ritual</source>
            <translation>Ritual</translation>
        </message>
        <message>
            <location filename="../../ui/models/progress_matrix_model.py" line="40" />
            <source>Verification</source>
            <translation>Verification</translation>
        </message>
    </context>
    <context>
        <name>StepsDialog</name>
        <message numerus="yes">
            <source>Retiring “%1” makes %n newcomer(s) members now, who have done every other required step: %2.</source>
            <translation>
                <numerusform>Retiring “%1” makes %Ln newcomer a member now, who has done every other required step: %2.</numerusform>
                <numerusform>Retiring “%1” makes %Ln newcomers members now, who have done every other required step: %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Making “%1” optional makes %n newcomer(s) members now, who have done every other required step: %2.</source>
            <translation>
                <numerusform>Making “%1” optional makes %Ln newcomer a member now, who has done every other required step: %2.</numerusform>
                <numerusform>Making “%1” optional makes %Ln newcomers members now, who have done every other required step: %2.</numerusform>
            </translation>
        </message>
        <message>
            <source>Putting the step back later does not undo this. Go on?</source>
            <translation>Putting the step back later does not undo this. Go on?</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="60" />
            <source>Entry steps · %1</source>
            <translation>Entry steps · %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="60" />
            <source>Entry steps</source>
            <translation>Entry steps</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="69" />
            <source>Newcomers go through these steps in this order. Drag a step, or use Move up / Move down, to reorder. Retiring a step keeps everything already recorded for it.</source>
            <translation>Newcomers go through these steps in this order. Drag a step, or use Move up / Move down, to reorder. Retiring a step keeps everything already recorded for it.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="87" />
            <source>Move up</source>
            <translation>Move up</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="88" />
            <source>Move down</source>
            <translation>Move down</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="89" />
            <source>Retire</source>
            <translation>Retire</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="90" />
            <source>Take the step out of the process; its records are kept</source>
            <translation>Take the step out of the process; its records are kept</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="107" />
            <source>Step name</source>
            <translation>Step name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="111" />
            <source>Required to become a member</source>
            <translation>Required to become a member</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="113" />
            <source>Selected step</source>
            <translation>Selected step</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="115" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="116" />
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="122" />
            <source>New step, e.g. 加入打卡小组</source>
            <translation>New step, e.g. 加入打卡小组</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="126" />
            <source>Required</source>
            <translation>Required</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="128" />
            <source>Add step</source>
            <translation>Add step</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="141" />
            <source>Restore</source>
            <translation>Restore</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="142" />
            <source>Put the step back at the end of the process</source>
            <translation>Put the step back at the end of the process</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="144" />
            <source>Retired steps (records kept)</source>
            <translation>Retired steps (records kept)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="149" />
            <source>Only the owner or an admin may change the entry steps.</source>
            <translation>Only the owner or an admin may change the entry steps.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="224" />
            <source>required</source>
            <translation>required</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/steps_dialog.py" line="224" />
            <source>optional</source>
            <translation>optional</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/dialogs/steps_dialog.py" line="375" />
            <source>%n newcomer(s) had done every step still required and are now members: %1</source>
            <translation>
                <numerusform>%Ln newcomer had done every step still required and is now a member: %1</numerusform>
                <numerusform>%Ln newcomers had done every step still required and are now members: %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StepRecordDialog</name>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Not recorded.</source>
            <translation>Not recorded.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Done %1</source>
            <translation>Done %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>recorded by %1</source>
            <translation>recorded by %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>read rules version %1</source>
            <translation>read rules version %1</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>retired step: the record is kept</source>
            <translation>retired step: the record is kept</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>No answer recorded. Type it here.</source>
            <translation>No answer recorded. Type it here.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>No answer recorded.</source>
            <translation>No answer recorded.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Answer</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Amount paid</source>
            <translation>Amount paid</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Take the step back</source>
            <translation>Take the step back</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>The step is no longer done; what it held is removed</source>
            <translation>The step is no longer done; what it held is removed</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/step_record_dialog.py" />
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
</TS>
