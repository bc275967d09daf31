<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About CRM Desktop</source>
        <translation>關於 CRM Desktop</translation>
    </message>
    <message>
        <source>&lt;h2&gt;CRM Desktop&lt;/h2&gt;&lt;p&gt;Version {version}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;CRM Desktop&lt;/h2&gt;&lt;p&gt;版本 {version}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Customers, follow-ups and deals for small businesses: offline, encrypted, optionally shared through a team server.</source>
        <translation>為小型企業打造的客戶、跟進與商機管理：可離線使用、資料加密，並可透過團隊伺服器共享。</translation>
    </message>
    <message>
        <source>Proprietary software; all rights reserved. The libraries listed below are used under their own licences (Qt and PySide6 under the LGPL v3).</source>
        <translation>專有軟體，保留一切權利。下列程式庫依其各自的授權條款使用（Qt 與 PySide6 採用 LGPL v3）。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>程式庫</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Running on {system}, Python {python}.</source>
        <translation>執行環境：{system}，Python {python}。</translation>
    </message>
</context>
<context>
    <name>AutoLockDialog</name>
    <message>
        <source>Auto-lock — CRM Desktop</source>
        <translation>自動鎖定 — CRM Desktop</translation>
    </message>
    <message>
        <source>Without keyboard or mouse input for this long, the window hides its data and asks for the passphrase. Ctrl+L locks at once.</source>
        <translation>在這段時間內沒有鍵盤或滑鼠操作時，視窗會隱藏資料並要求輸入密碼。按 Ctrl+L 可立即鎖定。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation>鎖定前等待(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups — CRM Desktop</source>
        <translation>備份 — CRM Desktop</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <source>Back up &amp;automatically: daily, and at close if none today</source>
        <translation>自動備份：每天一次，當天尚未備份時於關閉時備份(&amp;A)</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>資料夾：</translation>
    </message>
    <message>
        <source>Keep &amp;daily backups for:</source>
        <translation>每日備份保留(&amp;D)：</translation>
    </message>
    <message>
        <source>Keep &amp;weekly backups for:</source>
        <translation>每週備份保留(&amp;W)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> 週</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即備份(&amp;B)</translation>
    </message>
    <message>
        <source>Backups of this file, newest first:</source>
        <translation>此檔案的備份（最新的在前）：</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>備份資料夾</translation>
    </message>
    <message>
        <source>{when} — {size} MB — {name}</source>
        <translation>{when} — {size} MB — {name}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在備份…</translation>
    </message>
    <message>
        <source>Backed up and checked: {name}</source>
        <translation>已備份並驗證：{name}</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加權</translation>
    </message>
    <message>
        <source>{stage} ({count})</source>
        <translation>{stage}（{count}）</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Set owner</source>
        <translation>設定負責人</translation>
    </message>
    <message>
        <source>Set tier</source>
        <translation>設定等級</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>新增標籤</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>移除標籤</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移至回收筒</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>Owner set. Customers changed: {count}</source>
        <translation>已設定負責人。變更的客戶：{count}</translation>
    </message>
    <message>
        <source>Tier set. Customers changed: {count}</source>
        <translation>已設定等級。變更的客戶：{count}</translation>
    </message>
    <message>
        <source>Tag added. Customers changed: {count}</source>
        <translation>已新增標籤。變更的客戶：{count}</translation>
    </message>
    <message>
        <source>Tag removed. Customers changed: {count}</source>
        <translation>已移除標籤。變更的客戶：{count}</translation>
    </message>
    <message>
        <source>Moved to the trash: {count}</source>
        <translation>已移至回收筒：{count}</translation>
    </message>
    <message>
        <source>Restored: {count}</source>
        <translation>已還原：{count}</translation>
    </message>
    <message>
        <source>Move the selected customer to the trash? You can restore it from the Trash view.</source>
        <translation>要將選取的客戶移至回收筒嗎？之後可在「回收筒」檢視中還原。</translation>
    </message>
    <message>
        <source>Move the {count} selected customers to the trash? You can restore them from the Trash view.</source>
        <translation>要將選取的 {count} 位客戶移至回收筒嗎？之後可在「回收筒」檢視中還原。</translation>
    </message>
    <message>
        <source>Bulk change</source>
        <translation>批次變更</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>1 day in stage</source>
        <translation>已在此階段 1 天</translation>
    </message>
    <message>
        <source>{days} days in stage</source>
        <translation>已在此階段 {days} 天</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>Stalled · {percent} %</source>
        <translation>停滯 · {percent}%</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>未成交</translation>
    </message>
    <message>
        <source>Price too high</source>
        <translation>價格太高</translation>
    </message>
    <message>
        <source>Chose a competitor</source>
        <translation>選擇了競爭對手</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>沒有預算</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>沒有做出決定</translation>
    </message>
    <message>
        <source>Closed on:</source>
        <translation>結案日期：</translation>
    </message>
    <message>
        <source>Lost because:</source>
        <translation>未成交原因：</translation>
    </message>
    <message>
        <source>Say why the opportunity was lost.</source>
        <translation>請說明未成交的原因。</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地區</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>產業</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等級</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期時間</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主旨</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成時間</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>成交機率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>預計成交</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>結案時間</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近聯絡</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟進</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改時間</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>Complete follow-up</source>
        <translation>完成跟進</translation>
    </message>
    <message>
        <source>{subject} — {customer}</source>
        <translation>{subject} — {customer}</translation>
    </message>
    <message>
        <source>What came of it?</source>
        <translation>結果如何？</translation>
    </message>
    <message>
        <source>Set when it happened</source>
        <translation>設定發生時間</translation>
    </message>
    <message>
        <source>Plan the next follow-up</source>
        <translation>安排下次跟進</translation>
    </message>
    <message>
        <source>Set a due time</source>
        <translation>設定到期時間</translation>
    </message>
    <message>
        <source>Set a reminder</source>
        <translation>設定提醒</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>結果(&amp;O)：</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>完成時間：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>方式(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主旨(&amp;S)：</translation>
    </message>
    <message>
        <source>Due time:</source>
        <translation>到期時間：</translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation>提醒：</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>完成(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>職稱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Messaging ID</source>
        <translation>通訊軟體 ID</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主要聯絡人</translation>
    </message>
    <message>
        <source>&amp;Add contact</source>
        <translation>新增聯絡人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove contact</source>
        <translation>移除聯絡人(&amp;R)</translation>
    </message>
    <message>
        <source>Contact {row} ({name}): {problem}</source>
        <translation>聯絡人 {row}（{name}）：{problem}</translation>
    </message>
    <message>
        <source>Contact {row}: {problem}</source>
        <translation>聯絡人 {row}：{problem}</translation>
    </message>
</context>
<context>
    <name>CustomFieldsForm</name>
    <message>
        <source>{name}:</source>
        <translation>{name}：</translation>
    </message>
    <message>
        <source>No custom fields are defined yet (Tools › Custom fields).</source>
        <translation>尚未定義自訂欄位（工具 › 自訂欄位）。</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未設定）</translation>
    </message>
    <message>
        <source>A number, e.g. 12.5</source>
        <translation>數字，例如 12.5</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000 or +1 212 555 0100</source>
        <translation>例如 0912 345 678 或 +1 212 555 0100</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>公司(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>類型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>電話(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>電子郵件(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>地區(&amp;R)：</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>城市(&amp;I)：</translation>
    </message>
    <message>
        <source>In&amp;dustry:</source>
        <translation>產業(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>來源(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>等級(&amp;T)：</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>狀態(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>負責人(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Birthday:</source>
        <translation>生日(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>性別(&amp;G)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>備註(&amp;O)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Custom fields&lt;/b&gt;</source>
        <translation>&lt;b&gt;自訂欄位&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tags&lt;/b&gt;</source>
        <translation>&lt;b&gt;標籤&lt;/b&gt;</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新增客戶</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>編輯客戶</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>詳細資料(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <source>Con&amp;tacts (%n)</source>
        <translation>
            <numerusform>聯絡人 (%n)(&amp;T)</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom &amp;fields and tags</source>
        <translation>自訂欄位與標籤(&amp;F)</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type a name, company, phone or pinyin…</source>
        <translation>輸入名稱、公司、電話或拼音…</translation>
    </message>
    <message>
        <source>Search customers…</source>
        <translation>搜尋客戶…</translation>
    </message>
</context>
<context>
    <name>CustomerTab</name>
    <message>
        <source>Customer actions</source>
        <translation>客戶操作</translation>
    </message>
    <message>
        <source>In the trash: {count}</source>
        <translation>回收筒中：{count}</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>1 位客戶</translation>
    </message>
    <message>
        <source>{count} customers</source>
        <translation>{count} 位客戶</translation>
    </message>
    <message>
        <source>{count}…</source>
        <translation>{count}…</translation>
    </message>
</context>
<context>
    <name>CustomerTable</name>
    <message>
        <source>Reset columns</source>
        <translation>重設欄位</translation>
    </message>
</context>
<context>
    <name>DealList</name>
    <message>
        <source>New opportunity…</source>
        <translation>新增商機…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>預計成交</translation>
    </message>
    <message>
        <source>Double-click an opportunity to open it.</source>
        <translation>按兩下商機即可開啟。</translation>
    </message>
    <message>
        <source>Opportunities ({count})</source>
        <translation>商機（{count}）</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商機</translation>
    </message>
    <message>
        <source>{stage} ({status})</source>
        <translation>{stage}（{status}）</translation>
    </message>
</context>
<context>
    <name>DealStatus</name>
    <message>
        <source>Open</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>未成交</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Select a customer to see the details.</source>
        <translation>選取一位客戶即可查看詳細資料。</translation>
    </message>
    <message>
        <source>The details could not be loaded.</source>
        <translation>無法載入詳細資料。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>這位客戶已不存在。</translation>
    </message>
    <message>
        <source>In the trash since {when}</source>
        <translation>自 {when} 起位於回收筒</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>{name} (primary)</source>
        <translation>{name}（主要聯絡人）</translation>
    </message>
    <message>
        <source>No contacts.</source>
        <translation>沒有聯絡人。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>動態紀錄</translation>
    </message>
    <message>
        <source>Nothing yet.</source>
        <translation>目前沒有紀錄。</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>未知使用者</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已建立</translation>
    </message>
    <message>
        <source>{channel}: {subject} ({status})</source>
        <translation>{channel}：{subject}（{status}）</translation>
    </message>
    <message>
        <source>Opportunity: {title} — {stage}, {amount}</source>
        <translation>商機：{title} — {stage}，{amount}</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>已從回收筒還原</translation>
    </message>
    <message>
        <source>Moved to the trash</source>
        <translation>已移至回收筒</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop here: {stage} ✓</source>
        <translation>拖放至此：{stage} ✓</translation>
    </message>
    <message>
        <source>Drop here: {stage} ✗</source>
        <translation>拖放至此：{stage} ✗</translation>
    </message>
</context>
<context>
    <name>DuePrompt</name>
    <message>
        <source>Reschedule {count} follow-ups</source>
        <translation>重新排定 {count} 筆跟進</translation>
    </message>
    <message>
        <source>New due time:</source>
        <translation>新的到期時間：</translation>
    </message>
</context>
<context>
    <name>DuplicateStrip</name>
    <message>
        <source>&lt;b&gt;This customer may already exist:&lt;/b&gt;</source>
        <translation>&lt;b&gt;這位客戶可能已經存在：&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{name} ({company})</source>
        <translation>{name}（{company}）</translation>
    </message>
    <message>
        <source>Same phone number as {customer}</source>
        <translation>與 {customer} 的電話號碼相同</translation>
    </message>
    <message>
        <source>Same e-mail address as {customer}</source>
        <translation>與 {customer} 的電子郵件相同</translation>
    </message>
    <message>
        <source>Same name and company as {customer}</source>
        <translation>與 {customer} 的名稱和公司相同</translation>
    </message>
    <message>
        <source>Open this customer</source>
        <translation>開啟這位客戶</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…還有 %n 筆。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>尋找重複客戶</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合併(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在尋找重複客戶…</translation>
    </message>
    <message>
        <source>Same phone number ({count} records)</source>
        <translation>電話號碼相同（{count} 筆資料）</translation>
    </message>
    <message>
        <source>Same e-mail address ({count} records)</source>
        <translation>電子郵件相同（{count} 筆資料）</translation>
    </message>
    <message>
        <source>Same name and company ({count} records)</source>
        <translation>名稱和公司相同（{count} 筆資料）</translation>
    </message>
    <message>
        <source>Groups of possible duplicates: {count}. Select a group and merge it.</source>
        <translation>可能重複的群組：{count}。選取一個群組即可合併。</translation>
    </message>
    <message>
        <source>No duplicates found.</source>
        <translation>沒有找到重複的客戶。</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>搜尋失敗。</translation>
    </message>
</context>
<context>
    <name>Enums</name>
    <message>
        <source>Owner</source>
        <translation>老闆</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>經理</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>業務</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>個人</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>名單</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潛在客戶</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活躍</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>轉介紹</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>官方網站</translation>
    </message>
    <message>
        <source>Exhibition</source>
        <translation>展覽</translation>
    </message>
    <message>
        <source>Cold call</source>
        <translation>陌生電話開發</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>廣告</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社群媒體</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜訪</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>會議</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已排定</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>數字</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>選項</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The passphrase must have at least {n} characters.</source>
        <translation>密碼至少需要 {n} 個字元。</translation>
    </message>
    <message>
        <source>The passphrase may not be longer than {n} characters or contain NUL.</source>
        <translation>密碼不能超過 {n} 個字元，也不能包含 NUL 字元。</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>發生錯誤。</translation>
    </message>
    <message>
        <source>The {kind} no longer exists (it may have been deleted).</source>
        <translation>這筆{kind}已不存在（可能已被刪除）。</translation>
    </message>
    <message>
        <source>The database file {path} does not exist.</source>
        <translation>資料庫檔案 {path} 不存在。</translation>
    </message>
    <message>
        <source>A file named {path} already exists; choose another name for a new database.</source>
        <translation>已有名為 {path} 的檔案，請為新資料庫另取名稱。</translation>
    </message>
    <message>
        <source>The passphrase is wrong for {path}, or the file is not a CRM Desktop database.</source>
        <translation>{path} 的密碼不正確，或這個檔案不是 CRM Desktop 資料庫。</translation>
    </message>
    <message>
        <source>{path} is a plain, unencrypted SQLite file, not a CRM Desktop database. It was left unchanged.</source>
        <translation>{path} 是未加密的一般 SQLite 檔案，不是 CRM Desktop 資料庫。檔案未做任何變更。</translation>
    </message>
    <message>
        <source>{path} is not a database file. It was left unchanged.</source>
        <translation>{path} 不是資料庫檔案。檔案未做任何變更。</translation>
    </message>
    <message>
        <source>{path} is an encrypted database but holds no CRM Desktop data. It was left unchanged.</source>
        <translation>{path} 是加密的資料庫，但沒有 CRM Desktop 資料。檔案未做任何變更。</translation>
    </message>
    <message>
        <source>{path} is read-only. CRM Desktop needs to write to the file and to its folder; check the file&apos;s permissions.</source>
        <translation>{path} 為唯讀。CRM Desktop 需要寫入這個檔案及其所在資料夾，請檢查檔案權限。</translation>
    </message>
    <message>
        <source>{path} is locked by another program. Close it there and try again.</source>
        <translation>{path} 已被其他程式鎖定。請先在該程式中關閉，再試一次。</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of CRM Desktop (schema {found}; this version knows up to {known}). Update CRM Desktop to open it; the file was left unchanged.</source>
        <translation>{path} 是由較新版的 CRM Desktop 建立（資料庫結構 {found}；此版本最高支援 {known}）。請更新 CRM Desktop 後再開啟；檔案未做任何變更。</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer, so the passphrase cannot be remembered. Type it each time instead.</source>
        <translation>這台電腦沒有可用的系統鑰匙圈，無法記住密碼。請每次自行輸入。</translation>
    </message>
    <message>
        <source>The team server cannot be reached ({reason}). Your changes are kept and will be sent at the next sync.</source>
        <translation>無法連線到團隊伺服器（{reason}）。您的變更已保留，將於下次同步時送出。</translation>
    </message>
    <message>
        <source>The team server&apos;s database has version {server}, this CRM Desktop expects {client}. Update CRM Desktop (or run “crm-desktop server init” with the newer version).</source>
        <translation>團隊伺服器的資料庫版本為 {server}，此 CRM Desktop 需要 {client}。請更新 CRM Desktop（或以新版執行「crm-desktop server init」）。</translation>
    </message>
    <message>
        <source>The team server has no CRM Desktop data yet; run “crm-desktop server init”.</source>
        <translation>團隊伺服器上還沒有 CRM Desktop 資料；請執行「crm-desktop server init」。</translation>
    </message>
    <message>
        <source>The server login {login} is not a member of the team; ask the owner to add it.</source>
        <translation>伺服器登入名稱 {login} 不是團隊成員；請洽擁有者將其加入。</translation>
    </message>
    <message>
        <source>Amounts must be exact.</source>
        <translation>金額必須是精確值。</translation>
    </message>
    <message>
        <source>“{value}” is not an amount.</source>
        <translation>「{value}」不是有效的金額。</translation>
    </message>
    <message>
        <source>{currency} amounts have at most {digits} decimals.</source>
        <translation>{currency} 金額最多只能有 {digits} 位小數。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金額太大。</translation>
    </message>
    <message>
        <source>“{value}” is not a three-letter currency code.</source>
        <translation>「{value}」不是三個英文字母的幣別代碼。</translation>
    </message>
    <message>
        <source>The backup {file} failed: {reason}</source>
        <translation>備份 {file} 失敗：{reason}</translation>
    </message>
    <message>
        <source>the copy cannot be read.</source>
        <translation>無法讀取副本。</translation>
    </message>
    <message>
        <source>the copy fails its integrity check.</source>
        <translation>副本未通過完整性檢查。</translation>
    </message>
    <message>
        <source>the folder cannot be created.</source>
        <translation>無法建立資料夾。</translation>
    </message>
    <message>
        <source>the file cannot be written.</source>
        <translation>無法寫入檔案。</translation>
    </message>
    <message>
        <source>the copy is incomplete.</source>
        <translation>副本不完整。</translation>
    </message>
    <message>
        <source>the copy is not keyed like the file.</source>
        <translation>副本的金鑰與原檔案不一致。</translation>
    </message>
    <message>
        <source>the file is damaged.</source>
        <translation>檔案已損毀。</translation>
    </message>
    <message>
        <source>it could not be copied.</source>
        <translation>無法複製。</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Give up to {n} choices as a list.</source>
        <translation>請以清單列出最多 {n} 個選項。</translation>
    </message>
    <message>
        <source>“{value}” is not a number.</source>
        <translation>「{value}」不是數字。</translation>
    </message>
    <message>
        <source>“{value}” is not one of the choices.</source>
        <translation>「{value}」不在選項之中。</translation>
    </message>
    <message>
        <source>custom field</source>
        <translation>自訂欄位</translation>
    </message>
    <message>
        <source>A choice field needs at least one choice.</source>
        <translation>選項欄位至少需要一個選項。</translation>
    </message>
    <message>
        <source>The chosen user does not exist.</source>
        <translation>選取的使用者不存在。</translation>
    </message>
    <message>
        <source>Choose an existing customer.</source>
        <translation>請選擇現有的客戶。</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此欄位為必填。</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Choose at least two customers to merge.</source>
        <translation>請至少選擇兩位客戶進行合併。</translation>
    </message>
    <message>
        <source>This value cannot be chosen for the merge.</source>
        <translation>合併時無法選擇這個值。</translation>
    </message>
    <message>
        <source>“{name}” is not a field of this record.</source>
        <translation>「{name}」不是這筆資料的欄位。</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>已取消匯出，未寫入任何檔案。</translation>
    </message>
    <message>
        <source>{path} cannot be written. Check that the folder exists, that you may write there and that the file is not open in another program.</source>
        <translation>無法寫入 {path}。請確認資料夾存在、您有寫入權限，且檔案沒有在其他程式中開啟。</translation>
    </message>
    <message>
        <source>Only a planned follow-up can be completed.</source>
        <translation>只有已排定的跟進才能完成。</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>跟進</translation>
    </message>
    <message>
        <source>The contact does not belong to this customer.</source>
        <translation>這位聯絡人不屬於此客戶。</translation>
    </message>
    <message>
        <source>The opportunity does not belong to this customer.</source>
        <translation>這筆商機不屬於此客戶。</translation>
    </message>
    <message>
        <source>A planned follow-up needs a due time.</source>
        <translation>已排定的跟進需要到期時間。</translation>
    </message>
    <message>
        <source>it ends in the middle of a character or quoted text; it may be cut off.</source>
        <translation>檔案在某個字元或引號內的文字中間結束，可能不完整。</translation>
    </message>
    <message>
        <source>{path} cannot be imported: {reason}</source>
        <translation>無法匯入 {path}：{reason}</translation>
    </message>
    <message>
        <source>the file does not exist.</source>
        <translation>檔案不存在。</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>檔案是空的。</translation>
    </message>
    <message>
        <source>the file is larger than 512 MB.</source>
        <translation>檔案大於 512 MB。</translation>
    </message>
    <message>
        <source>it is not a text file.</source>
        <translation>這不是文字檔。</translation>
    </message>
    <message>
        <source>its text encoding is not recognised.</source>
        <translation>無法辨識其文字編碼。</translation>
    </message>
    <message>
        <source>it is not a readable CSV file.</source>
        <translation>這不是可讀取的 CSV 檔案。</translation>
    </message>
    <message>
        <source>it is not a readable Excel (.xlsx) file.</source>
        <translation>這不是可讀取的 Excel (.xlsx) 檔案。</translation>
    </message>
    <message>
        <source>it unpacks to an unreasonable size.</source>
        <translation>解壓縮後的大小不合理。</translation>
    </message>
    <message>
        <source>it has more than 500 columns.</source>
        <translation>欄數超過 500。</translation>
    </message>
    <message>
        <source>it holds no rows.</source>
        <translation>其中沒有任何資料列。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>已取消匯入，未匯入任何資料。</translation>
    </message>
    <message>
        <source>Choose the column that holds the name.</source>
        <translation>請選擇包含名稱的欄。</translation>
    </message>
    <message>
        <source>There is no user “{value}”.</source>
        <translation>沒有名為「{value}」的使用者。</translation>
    </message>
    <message>
        <source>At most {n} characters are allowed here.</source>
        <translation>此處最多只能輸入 {n} 個字元。</translation>
    </message>
    <message>
        <source>{file} is already open in another CRM Desktop window (process {pid}). Switch to that window, or close it and try again.</source>
        <translation>{file} 已在另一個 CRM Desktop 視窗中開啟（處理程序 {pid}）。請切換到該視窗，或關閉後再試一次。</translation>
    </message>
    <message>
        <source>opportunity</source>
        <translation>商機</translation>
    </message>
    <message>
        <source>Choose an existing stage.</source>
        <translation>請選擇現有的階段。</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Say why the opportunity was lost.</source>
        <translation>請說明未成交的原因。</translation>
    </message>
    <message>
        <source>The close date is in the future.</source>
        <translation>結案日期晚於今天。</translation>
    </message>
    <message>
        <source>The passphrase of {file} could not be changed; the old passphrase still opens it. Close other programs that use the file and try again.</source>
        <translation>無法變更 {file} 的密碼；舊密碼仍可開啟。請關閉使用此檔案的其他程式後再試一次。</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same.</source>
        <translation>兩次輸入的新密碼不一致。</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation>新密碼與目前的密碼相同。</translation>
    </message>
    <message>
        <source>CRM Desktop is locked. Unlock it to continue.</source>
        <translation>CRM Desktop 已鎖定。請解鎖後繼續。</translation>
    </message>
    <message>
        <source>The view cannot be saved.</source>
        <translation>無法儲存此檢視。</translation>
    </message>
    <message>
        <source>saved view</source>
        <translation>已儲存的檢視</translation>
    </message>
    <message>
        <source>Choose the stage that takes this stage&apos;s opportunities.</source>
        <translation>請選擇要接手此階段商機的階段。</translation>
    </message>
    <message>
        <source>The pipeline needs at least one open stage.</source>
        <translation>銷售流程至少需要一個進行中的階段。</translation>
    </message>
    <message>
        <source>The follow-up needs a subject.</source>
        <translation>跟進需要填寫主旨。</translation>
    </message>
    <message>
        <source>Choose between 0 and {most} days.</source>
        <translation>請選擇 0 到 {most} 天。</translation>
    </message>
    <message>
        <source>Choose between 1 and {most} days.</source>
        <translation>請選擇 1 到 {most} 天。</translation>
    </message>
    <message>
        <source>A tag named “{name}” already exists.</source>
        <translation>名為「{name}」的標籤已存在。</translation>
    </message>
    <message>
        <source>user</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>A user name may not contain spaces.</source>
        <translation>使用者名稱不能包含空格。</translation>
    </message>
    <message>
        <source>The user name “{name}” is already taken.</source>
        <translation>使用者名稱「{name}」已被使用。</translation>
    </message>
    <message>
        <source>The text contains a NUL character.</source>
        <translation>文字中包含 NUL 字元。</translation>
    </message>
    <message>
        <source>The text contains a broken character.</source>
        <translation>文字中包含損毀的字元。</translation>
    </message>
    <message>
        <source>Text is expected here.</source>
        <translation>此處應為文字。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid choice.</source>
        <translation>「{value}」不是有效的選項。</translation>
    </message>
    <message>
        <source>Yes or no is expected.</source>
        <translation>此處應為「是」或「否」。</translation>
    </message>
    <message>
        <source>A whole number is expected.</source>
        <translation>此處應為整數。</translation>
    </message>
    <message>
        <source>The number must be between {lo} and {hi}.</source>
        <translation>數值必須介於 {lo} 與 {hi} 之間。</translation>
    </message>
    <message>
        <source>“{value}” is not a date (YYYY-MM-DD).</source>
        <translation>「{value}」不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>A date is expected.</source>
        <translation>此處應為日期。</translation>
    </message>
    <message>
        <source>The date {value} is out of range.</source>
        <translation>日期 {value} 超出範圍。</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time.</source>
        <translation>「{value}」不是日期時間。</translation>
    </message>
    <message>
        <source>A date and time with a time zone is expected.</source>
        <translation>此處應為含時區的日期時間。</translation>
    </message>
    <message>
        <source>The time is out of range.</source>
        <translation>時間超出範圍。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid phone number.</source>
        <translation>「{value}」不是有效的電話號碼。</translation>
    </message>
    <message>
        <source>“{value}” is not a valid e-mail address.</source>
        <translation>「{value}」不是有效的電子郵件地址。</translation>
    </message>
    <message>
        <source>Choose a customer.</source>
        <translation>請選擇客戶。</translation>
    </message>
    <message>
        <source>“{value}” is not a date.</source>
        <translation>「{value}」不是日期。</translation>
    </message>
    <message>
        <source>“{value}” is not a period: use 2026-07, 2026-Q3, 2026 or 2026-07-01..2026-09-30.</source>
        <translation>「{value}」不是有效的期間：請使用 2026-07、2026-Q3、2026 或 2026-07-01..2026-09-30。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export customers</source>
        <translation>匯出客戶</translation>
    </message>
    <message>
        <source>customers.xlsx</source>
        <translation>客戶.xlsx</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Excel workbook (.xlsx)</source>
        <translation>Excel 活頁簿 (.xlsx)(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;CSV, UTF-8 (.csv)</source>
        <translation>CSV，UTF-8 (.csv)(&amp;C)</translation>
    </message>
    <message>
        <source>Counting customers…</source>
        <translation>正在計算客戶數…</translation>
    </message>
    <message>
        <source>The exported file is &lt;b&gt;not encrypted&lt;/b&gt;: anyone who gets it can read these customers&apos; details. Keep it somewhere safe and delete it when it is no longer needed.</source>
        <translation>匯出的檔案&lt;b&gt;未加密&lt;/b&gt;：任何取得檔案的人都能讀取這些客戶的資料。請妥善保管，不再需要時請刪除。</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>匯出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>檔案(&amp;F)：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>資料列：</translation>
    </message>
    <message>
        <source>Customers in the current view: {n}</source>
        <translation>目前檢視中的客戶：{n}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>請選擇儲存位置。</translation>
    </message>
    <message>
        <source>The export failed; no file was written.</source>
        <translation>匯出失敗，未寫入任何檔案。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>選擇檔案</translation>
    </message>
    <message>
        <source>A CSV file (UTF-8 or GBK, any delimiter) or an Excel workbook (.xlsx).</source>
        <translation>CSV 檔案（UTF-8 或 GBK，任何分隔符號）或 Excel 活頁簿 (.xlsx)。</translation>
    </message>
    <message>
        <source>Path of a .csv or .xlsx file</source>
        <translation>.csv 或 .xlsx 檔案的路徑</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>匯入客戶</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>試算表 (*.csv *.txt *.xlsx);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在讀取檔案…</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>無法讀取這個檔案。</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗號</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分號</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>定位字元</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>直線</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（含 BOM）</translation>
    </message>
    <message>
        <source>GBK / GB18030</source>
        <translation>GBK / GB18030</translation>
    </message>
    <message>
        <source>Excel workbook. Data rows: {rows}. Columns: {columns}.</source>
        <translation>Excel 活頁簿。資料列：{rows}。欄：{columns}。</translation>
    </message>
    <message>
        <source>Text encoding: {encoding}. Delimiter: {delimiter}. Data rows: {rows}. Columns: {columns}.</source>
        <translation>文字編碼：{encoding}。分隔符號：{delimiter}。資料列：{rows}。欄：{columns}。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All owners</source>
        <translation>所有負責人</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>所有方式</translation>
    </message>
    <message>
        <source>Any customer</source>
        <translation>任何客戶</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>All opportunities</source>
        <translation>所有商機</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任何時間</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下個月</translation>
    </message>
    <message>
        <source>Next 90 days</source>
        <translation>未來 90 天</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>未成交</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>負責人：</translation>
    </message>
    <message>
        <source>Closing:</source>
        <translation>成交時間：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金額：</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>標籤：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任何標籤</translation>
    </message>
    <message>
        <source>Not an amount; ignored.</source>
        <translation>不是金額，已忽略。</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Filters</source>
        <translation>篩選</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地區</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>產業</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等級</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>No contact for</source>
        <translation>未聯絡超過</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Open opportunity</source>
        <translation>有進行中的商機</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>建立日期從</translation>
    </message>
    <message>
        <source>Created to</source>
        <translation>建立日期至</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除篩選</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>資料庫檔案</translation>
    </message>
    <message>
        <source>CRM Desktop databases (*.db)</source>
        <translation>CRM Desktop 資料庫 (*.db)</translation>
    </message>
    <message>
        <source>Welcome to CRM Desktop</source>
        <translation>歡迎使用 CRM Desktop</translation>
    </message>
    <message>
        <source>Your customers live in one encrypted database file. Choose one:</source>
        <translation>您的客戶資料存放在一個加密的資料庫檔案中。請選擇：</translation>
    </message>
    <message>
        <source>Create a &amp;new database</source>
        <translation>建立新資料庫(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open an existing database</source>
        <translation>開啟現有資料庫(&amp;O)</translation>
    </message>
    <message>
        <source>Try the &amp;demo database</source>
        <translation>試用示範資料庫(&amp;D)</translation>
    </message>
    <message>
        <source>At least 8 characters. Nobody can recover the data without it, so keep it safe.</source>
        <translation>至少 8 個字元。沒有它，任何人都無法救回資料，請妥善保管。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>檔案(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再輸入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>Opens a demo database of {count} invented customers with their follow-ups and deals, kept in {path}. Its passphrase is “{passphrase}”. Making it takes a little while the first time.</source>
        <translation>將開啟一個示範資料庫，內含 {count} 位虛構客戶及其跟進與商機，存放在 {path}。密碼為「{passphrase}」。第一次建立需要一些時間。</translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation>請選擇檔案。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>兩次輸入的密碼不一致。</translation>
    </message>
    <message>
        <source>Making the demo database…</source>
        <translation>正在建立示範資料庫…</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>示範資料庫</translation>
    </message>
    <message>
        <source>The database could not be made: {reason}</source>
        <translation>無法建立資料庫：{reason}</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Edit follow-up</source>
        <translation>編輯跟進</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>新增跟進</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Set when it happened</source>
        <translation>設定發生時間</translation>
    </message>
    <message>
        <source>Set a due time</source>
        <translation>設定到期時間</translation>
    </message>
    <message>
        <source>Set a reminder</source>
        <translation>設定提醒</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客戶(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation>聯絡人(&amp;O)：</translation>
    </message>
    <message>
        <source>O&amp;pportunity:</source>
        <translation>商機(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>方式(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主旨(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>狀態(&amp;T)：</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>負責人(&amp;W)：</translation>
    </message>
    <message>
        <source>Happened:</source>
        <translation>發生時間：</translation>
    </message>
    <message>
        <source>Due time:</source>
        <translation>到期時間：</translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation>提醒：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>備註(&amp;N)：</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>結果(&amp;U)：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
</context>
<context>
    <name>FollowUpList</name>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主旨</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成時間</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近聯絡</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟進</translation>
    </message>
</context>
<context>
    <name>FollowUpTab</name>
    <message>
        <source>&amp;Log or plan…</source>
        <translation>記錄或排定跟進(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編輯(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Complete…</source>
        <translation>完成(&amp;C)…</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>轉給他人…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>重新排定…</translation>
    </message>
    <message>
        <source>Cancel follow-ups</source>
        <translation>取消跟進</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>匯出至行事曆</translation>
    </message>
    <message>
        <source>Planned follow-ups in this view…</source>
        <translation>此檢視中已排定的跟進…</translation>
    </message>
    <message>
        <source>Of the selected customer…</source>
        <translation>選取客戶的…</translation>
    </message>
    <message>
        <source>Of the selected owner…</source>
        <translation>選取負責人的…</translation>
    </message>
    <message>
        <source>{count} follow-ups</source>
        <translation>{count} 筆跟進</translation>
    </message>
    <message>
        <source>{count} follow-ups so far…</source>
        <translation>目前找到 {count} 筆跟進…</translation>
    </message>
    <message>
        <source>&amp;Follow-ups ({count})</source>
        <translation>跟進 ({count})(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Follow-ups</source>
        <translation>跟進(&amp;F)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟進</translation>
    </message>
    <message>
        <source>Reminders missed while CRM Desktop was closed: {count}</source>
        <translation>CRM Desktop 關閉期間錯過的提醒：{count}</translation>
    </message>
    <message>
        <source>Follow-up reminder</source>
        <translation>跟進提醒</translation>
    </message>
    <message>
        <source>{count} follow-up reminders</source>
        <translation>{count} 則跟進提醒</translation>
    </message>
    <message>
        <source>{subject} — {customer} ({channel}, due {due})</source>
        <translation>{subject} — {customer}（{channel}，{due} 到期）</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… 還有 {count} 筆</translation>
    </message>
    <message>
        <source>{count} follow-ups reassigned</source>
        <translation>已轉交 {count} 筆跟進</translation>
    </message>
    <message>
        <source>{count} follow-ups rescheduled</source>
        <translation>已重新排定 {count} 筆跟進</translation>
    </message>
    <message>
        <source>{count} follow-ups cancelled</source>
        <translation>已取消 {count} 筆跟進</translation>
    </message>
    <message>
        <source>Cancel the {count} selected planned follow-ups?</source>
        <translation>要取消選取的 {count} 筆已排定跟進嗎？</translation>
    </message>
    <message>
        <source>{count} planned follow-ups exported to {file}</source>
        <translation>已將 {count} 筆已排定跟進匯出至 {file}</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>行事曆 (*.ics)</translation>
    </message>
    <message>
        <source>Follow-ups: {error}</source>
        <translation>跟進：{error}</translation>
    </message>
</context>
<context>
    <name>FollowUpViews</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Upcoming (7 days)</source>
        <translation>即將到期（7 天內）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>ForecastPanel</name>
    <message>
        <source>Forecast of open deals</source>
        <translation>進行中商機的預測</translation>
    </message>
    <message>
        <source>Month / owner</source>
        <translation>月份 / 負責人</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商機數</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加權</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>（無負責人）</translation>
    </message>
    <message>
        <source>No expected close</source>
        <translation>未設定預計成交日期</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>(not set)</source>
        <translation>（未設定）</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import customers</source>
        <translation>匯入客戶</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <source>&amp;Remember the passphrase in the system keychain</source>
        <translation>在系統鑰匙圈中記住密碼(&amp;R)</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer, so the passphrase has to be typed at each start.</source>
        <translation>這台電腦沒有可用的系統鑰匙圈，每次啟動都需要輸入密碼。</translation>
    </message>
</context>
<context>
    <name>KeychainDialog</name>
    <message>
        <source>Keychain entry — CRM Desktop</source>
        <translation>鑰匙圈項目 — CRM Desktop</translation>
    </message>
    <message>
        <source>&amp;Remember / refresh</source>
        <translation>記住 / 更新(&amp;R)</translation>
    </message>
    <message>
        <source>R&amp;emove entry</source>
        <translation>移除項目(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>No system keychain is available on this computer; the passphrase is asked at each start.</source>
        <translation>這台電腦沒有可用的系統鑰匙圈；每次啟動都會詢問密碼。</translation>
    </message>
    <message>
        <source>The system keychain remembers the passphrase of {file}: it opens without asking. Remove the entry to be asked at each start.</source>
        <translation>系統鑰匙圈已記住 {file} 的密碼：開啟時不必輸入。移除此項目後，每次啟動都會詢問密碼。</translation>
    </message>
    <message>
        <source>The system keychain does not remember the passphrase of {file}. Type it below to remember it.</source>
        <translation>系統鑰匙圈未記住 {file} 的密碼。在下方輸入即可記住。</translation>
    </message>
</context>
<context>
    <name>LanguageSection</name>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>跟隨系統（{language}）</translation>
    </message>
    <message>
        <source>Dates, times, numbers and amounts follow the language; the window changes at once, without a restart.</source>
        <translation>日期、時間、數字與金額的格式會隨語言改變；視窗會立即切換，不需重新啟動。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>CRM Desktop is locked</source>
        <translation>CRM Desktop 已鎖定</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{file} — CRM Desktop</source>
        <translation>{file} — CRM Desktop</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客戶(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Follow-ups</source>
        <translation>跟進(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Opportunities</source>
        <translation>商機(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>報表(&amp;R)</translation>
    </message>
    <message>
        <source>Search customers: name, company, phone, pinyin… (Ctrl+K)</source>
        <translation>搜尋客戶：名稱、公司、電話、拼音…（Ctrl+K）</translation>
    </message>
    <message>
        <source>CRM Desktop</source>
        <translation>CRM Desktop</translation>
    </message>
    <message>
        <source>Overdue: {count}</source>
        <translation>已逾期：{count}</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>建立新資料庫(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>開啟資料庫(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>鎖定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新增客戶(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit customer…</source>
        <translation>編輯客戶(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Find customers</source>
        <translation>尋找客戶(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import customers…</source>
        <translation>匯入客戶(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export customer list…</source>
        <translation>匯出客戶清單(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;workbook (reports and lists)…</source>
        <translation>匯出活頁簿（報表與清單）(&amp;W)…</translation>
    </message>
    <message>
        <source>Find &amp;duplicate customers…</source>
        <translation>尋找重複客戶(&amp;D)…</translation>
    </message>
    <message>
        <source>Pipeline &amp;stages…</source>
        <translation>銷售階段(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;About CRM Desktop</source>
        <translation>關於 CRM Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Team s&amp;ync…</source>
        <translation>團隊同步(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <source>User: {name}</source>
        <translation>使用者：{name}</translation>
    </message>
    <message>
        <source>{customers} customers · {followups} follow-ups · {opportunities} opportunities</source>
        <translation>{customers} 位客戶 · {followups} 筆跟進 · {opportunities} 筆商機</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>跟隨系統（{language}）</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>對應欄位</translation>
    </message>
    <message>
        <source>Choose which customer field each column fills, or skip the column.</source>
        <translation>為檔案中的每一欄選擇要填入的客戶欄位，或略過該欄。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>檔案中的欄</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>範例</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>匯入為</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Region / province</source>
        <translation>地區 / 縣市</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>產業</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等級</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>(skip this column)</source>
        <translation>（略過此欄）</translation>
    </message>
    <message>
        <source>“{field}” is chosen for more than one column.</source>
        <translation>「{field}」被指定給多個欄。</translation>
    </message>
    <message>
        <source>Choose the column that holds the name.</source>
        <translation>請選擇包含名稱的欄。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge customers</source>
        <translation>合併客戶</translation>
    </message>
    <message>
        <source>Choose the record to keep and, for each field that differs, the value it keeps. Every contact, follow-up and opportunity moves to the kept record, tags are combined, and the other records go to the trash.</source>
        <translation>選擇要保留的資料，並為每個不一致的欄位選擇要保留的值。所有聯絡人、跟進與商機都會移到保留的資料，標籤會合併，其他資料則移至回收筒。</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合併(&amp;M)</translation>
    </message>
    <message>
        <source>Fewer than two of these customers still exist.</source>
        <translation>這些客戶中仍存在的已不到兩位。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地區</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>產業</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等級</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空白）</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>保留這筆資料</translation>
    </message>
    <message>
        <source>&lt;b&gt;After the merge&lt;/b&gt;</source>
        <translation>&lt;b&gt;合併後&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>All fields have the same values in every record.</source>
        <translation>所有資料的各欄位值都相同。</translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation>聯絡人：</translation>
    </message>
    <message>
        <source>Follow-ups:</source>
        <translation>跟進：</translation>
    </message>
    <message>
        <source>Opportunities:</source>
        <translation>商機：</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{company}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{company}</translation>
    </message>
    <message>
        <source>The other records go to the trash; their history stays with the survivor.</source>
        <translation>其他資料會移至回收筒；其歷程記錄會併入保留的客戶。</translation>
    </message>
    <message>
        <source>Merge “{other}” into “{name}”?</source>
        <translation>要將「{other}」合併到「{name}」嗎？</translation>
    </message>
    <message>
        <source>Merge {count} other records into “{name}”?</source>
        <translation>要將其他 {count} 筆資料合併到「{name}」嗎？</translation>
    </message>
    <message>
        <source>The merge failed; nothing was changed.</source>
        <translation>合併失敗，未做任何變更。</translation>
    </message>
</context>
<context>
    <name>MultiSelectButton</name>
    <message>
        <source>Filter…</source>
        <translation>篩選…</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{names} +{more}</source>
        <translation>{names} 等 +{more}</translation>
    </message>
</context>
<context>
    <name>NotificationList</name>
    <message>
        <source>&amp;Snooze</source>
        <translation>稍後提醒(&amp;S)</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>標示為已完成(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;ismiss</source>
        <translation>略過(&amp;I)</translation>
    </message>
    <message>
        <source>{subject} — {customer} ({channel}, due {due})</source>
        <translation>{subject} — {customer}（{channel}，{due} 到期）</translation>
    </message>
    <message>
        <source>Reminders due: {count}</source>
        <translation>到期的提醒：{count}</translation>
    </message>
</context>
<context>
    <name>OpportunityEditor</name>
    <message>
        <source>New opportunity</source>
        <translation>新增商機</translation>
    </message>
    <message>
        <source>Edit opportunity</source>
        <translation>編輯商機</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未設定）</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客戶：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金額：</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>階段：</translation>
    </message>
    <message>
        <source>Probability:</source>
        <translation>成交機率：</translation>
    </message>
    <message>
        <source>Expected close:</source>
        <translation>預計成交：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>來源：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>負責人：</translation>
    </message>
    <message>
        <source>Lost reason:</source>
        <translation>未成交原因：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>備註：</translation>
    </message>
    <message>
        <source>Stage default ({percent} %)</source>
        <translation>階段預設（{percent}%）</translation>
    </message>
</context>
<context>
    <name>OpportunityTab</name>
    <message>
        <source>&amp;New opportunity…</source>
        <translation>新增商機(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Stages…</source>
        <translation>階段(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>看板(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>表格(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Forecast</source>
        <translation>預測(&amp;F)</translation>
    </message>
</context>
<context>
    <name>OpportunityTable</name>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>成交機率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>預計成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Stage changed</source>
        <translation>階段變更</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>結案</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>未成交原因</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改時間</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove the date</source>
        <translation>清除日期</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <source>Duplicates</source>
        <translation>重複資料</translation>
    </message>
    <message>
        <source>A row is a duplicate when its phone number, e-mail address, or name and company match a customer already in the file (or an earlier row).</source>
        <translation>若某一列的電話號碼、電子郵件，或名稱加公司與檔案中既有客戶（或前面某一列）相同，即視為重複。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Skip the row (keep the existing customer as it is)</source>
        <translation>略過此列（現有客戶保持不變）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Update the existing customer with the row</source>
        <translation>以此列更新現有客戶(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Create a new customer anyway</source>
        <translation>仍然建立新客戶(&amp;C)</translation>
    </message>
</context>
<context>
    <name>OwnerPrompt</name>
    <message>
        <source>(nobody)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Reassign {count} follow-ups</source>
        <translation>將 {count} 筆跟進轉給他人</translation>
    </message>
    <message>
        <source>New owner:</source>
        <translation>新負責人：</translation>
    </message>
</context>
<context>
    <name>PassphraseChangeDialog</name>
    <message>
        <source>Change passphrase — CRM Desktop</source>
        <translation>變更密碼 — CRM Desktop</translation>
    </message>
    <message>
        <source>The whole file &lt;b&gt;{file}&lt;/b&gt; is encrypted again with the new passphrase. Backups made before keep the old one.</source>
        <translation>整個檔案 &lt;b&gt;{file}&lt;/b&gt; 會以新密碼重新加密。先前的備份仍使用舊密碼。</translation>
    </message>
    <message>
        <source>Update it in the system keychain</source>
        <translation>在系統鑰匙圈中更新</translation>
    </message>
    <message>
        <source>Do not remember it</source>
        <translation>不要記住</translation>
    </message>
    <message>
        <source>Remove it from the system keychain</source>
        <translation>從系統鑰匙圈中移除</translation>
    </message>
    <message>
        <source>Remember it in the system keychain</source>
        <translation>記在系統鑰匙圈中</translation>
    </message>
    <message>
        <source>&amp;Change passphrase</source>
        <translation>變更密碼(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>目前的密碼(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>新密碼(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat the new one:</source>
        <translation>再次輸入新密碼(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Keychain:</source>
        <translation>鑰匙圈(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check the rows</source>
        <translation>檢查資料列</translation>
    </message>
    <message>
        <source>Rows with problems are highlighted; they are left out of the import.</source>
        <translation>有問題的資料列已醒目標示，不會匯入。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>欄</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在檢查每一列…</translation>
    </message>
    <message>
        <source>Rows ready to import: {ready}. Rows with problems, which will be left out: {left}.</source>
        <translation>可匯入的資料列：{ready}。有問題而將略過的資料列：{left}。</translation>
    </message>
    <message>
        <source>Rows ready to import: {ready}.</source>
        <translation>可匯入的資料列：{ready}。</translation>
    </message>
    <message>
        <source>The check failed.</source>
        <translation>檢查失敗。</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>In 10 minutes</source>
        <translation>10 分鐘後</translation>
    </message>
    <message>
        <source>In 1 hour</source>
        <translation>1 小時後</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>明天早上</translation>
    </message>
</context>
<context>
    <name>ReportCard</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>將圖表另存為 PNG…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>列印…</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Region</source>
        <translation>地區</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>產業</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等級</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自訂…</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>所有負責人</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport workbook…</source>
        <translation>匯出活頁簿(&amp;X)…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期間：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>負責人：</translation>
    </message>
    <message>
        <source>Pipeline funnel (deals opened in the period)</source>
        <translation>銷售漏斗（本期新增的商機）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>轉換率</translation>
    </message>
    <message>
        <source>Won revenue by month</source>
        <translation>每月成交營收</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>營收</translation>
    </message>
    <message>
        <source>New customers by month</source>
        <translation>每月新增客戶</translation>
    </message>
    <message>
        <source>Churn: active customers who went dormant or lost</source>
        <translation>客戶流失：轉為休眠或流失的活躍客戶</translation>
    </message>
    <message>
        <source>Win rate, revenue and deal cycle by owner</source>
        <translation>各負責人的成交率、營收與成交週期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>成交率</translation>
    </message>
    <message>
        <source>Days to win</source>
        <translation>成交天數</translation>
    </message>
    <message>
        <source>Follow-up activity by owner and channel</source>
        <translation>各負責人、各方式的跟進活動</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Customers by</source>
        <translation>客戶分布：依</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Forecast by month (open deals)</source>
        <translation>每月預測（進行中的商機）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加權</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在計算…</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>The reports could not be computed: {error}</source>
        <translation>無法計算報表：{error}</translation>
    </message>
    <message>
        <source>{value}%</source>
        <translation>{value}%</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商機數</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客戶</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Churn rate {rate}: {churned} of {base} active customers</source>
        <translation>流失率 {rate}：{base} 位活躍客戶中流失 {churned} 位</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>未成交</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已排定</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客戶數</translation>
    </message>
    <message>
        <source>{n} others</source>
        <translation>其他 {n} 項</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>將圖表另存為 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 影像 (*.png)</translation>
    </message>
    <message>
        <source>report {period}.xlsx</source>
        <translation>報表 {period}.xlsx</translation>
    </message>
    <message>
        <source>Export workbook</source>
        <translation>匯出活頁簿</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在寫入活頁簿…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Workbook written: {path}</source>
        <translation>活頁簿已寫入：{path}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup — CRM Desktop</source>
        <translation>還原備份 — CRM Desktop</translation>
    </message>
    <message>
        <source>Restore &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>還原 &lt;b&gt;{name}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Into a &amp;new file:</source>
        <translation>還原至新檔案(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Over the open file {name} (it is backed up first and keeps its passphrase)</source>
        <translation>覆寫目前開啟的檔案 {name}（會先備份，並保留其密碼）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>還原(&amp;R)</translation>
    </message>
    <message>
        <source>Passphrase of the &amp;backup:</source>
        <translation>備份的密碼(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>正在匯入</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>欄</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Importing… Cancel stops the import and keeps nothing.</source>
        <translation>正在匯入… 按「取消」會停止匯入，且不保留任何資料。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>匯入完成</translation>
    </message>
    <message>
        <source>New customers: {n}</source>
        <translation>新客戶：{n}</translation>
    </message>
    <message>
        <source>Existing customers updated: {n}</source>
        <translation>已更新的既有客戶：{n}</translation>
    </message>
    <message>
        <source>Duplicate rows skipped: {n}</source>
        <translation>略過的重複資料列：{n}</translation>
    </message>
    <message>
        <source>Rows with problems, left out: {n}</source>
        <translation>有問題而略過的資料列：{n}</translation>
    </message>
    <message>
        <source>The import failed; nothing was imported.</source>
        <translation>匯入失敗，未匯入任何資料。</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未匯入任何資料</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即備份(&amp;B)</translation>
    </message>
    <message>
        <source>Bac&amp;kups…</source>
        <translation>備份(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>從備份還原(&amp;R)…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>變更密碼(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Keychain entry…</source>
        <translation>鑰匙圈項目(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Auto-lock…</source>
        <translation>自動鎖定(&amp;A)…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在備份…</translation>
    </message>
    <message>
        <source>Backed up and checked: {path}</source>
        <translation>已備份並驗證：{path}</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>備份</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>選擇要還原的備份</translation>
    </message>
    <message>
        <source>CRM Desktop backups (*{suffix});;All files (*)</source>
        <translation>CRM Desktop 備份 (*{suffix});;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>The backup was restored. What the file held before is kept in {path}.</source>
        <translation>備份已還原。檔案原本的內容保存在 {path}。</translation>
    </message>
    <message>
        <source>The backup was restored into {path}. Open it with File → Open.</source>
        <translation>備份已還原至 {path}。請以「檔案 → 開啟資料庫」開啟。</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>密碼已變更。</translation>
    </message>
</context>
<context>
    <name>SavedViewList</name>
    <message>
        <source>Views</source>
        <translation>檢視</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>儲存檢視…</translation>
    </message>
    <message>
        <source>Save the current filters, sort and columns</source>
        <translation>儲存目前的篩選、排序與欄位</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>所有客戶</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收筒</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重新命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>儲存檢視</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>重新命名檢視</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>CRM Desktop</source>
        <translation>CRM Desktop</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Qualification</source>
        <translation>資格審查</translation>
    </message>
    <message>
        <source>Needs analysis</source>
        <translation>需求分析</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提案報價</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>議價協商</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>未成交</translation>
    </message>
</context>
<context>
    <name>StagesDialog</name>
    <message>
        <source>Pipeline stages</source>
        <translation>銷售階段</translation>
    </message>
    <message>
        <source>Plan a follow-up when a deal enters this stage</source>
        <translation>商機進入此階段時排定一筆跟進</translation>
    </message>
    <message>
        <source> days later</source>
        <translation> 天後</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>Default probability:</source>
        <translation>預設成交機率：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>類型：</translation>
    </message>
    <message>
        <source>Follow-up subject:</source>
        <translation>跟進主旨：</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>到期：</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>套用(&amp;A)</translation>
    </message>
    <message>
        <source>Flag deals as stalled after (days):</source>
        <translation>超過幾天無進展即標示為停滯：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>刪除(&amp;D)…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>{name} · {percent} % · {kind}</source>
        <translation>{name} · {percent}% · {kind}</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>跟進</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新階段</translation>
    </message>
    <message>
        <source>Delete stage</source>
        <translation>刪除階段</translation>
    </message>
    <message numerus="yes">
        <source>“{stage}” holds %n opportunity(s). Move them to:</source>
        <translation>
            <numerusform>「{stage}」中有 %n 筆商機。請將它們移至：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Team sync</source>
        <translation>團隊同步</translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation>記住密碼</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain.</source>
        <translation>將密碼儲存在系統鑰匙圈中。</translation>
    </message>
    <message>
        <source>No system keychain is available; type the password each session.</source>
        <translation>沒有可用的系統鑰匙圈；每次使用時請輸入密碼。</translation>
    </message>
    <message>
        <source>CRM Desktop also syncs when it starts, and whenever you click Sync now.</source>
        <translation>CRM Desktop 啟動時也會同步；按下「立即同步」可隨時同步。</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>伺服器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>連接埠：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>資料庫：</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登入名稱：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密碼：</translation>
    </message>
    <message>
        <source>TLS (sslmode):</source>
        <translation>TLS（sslmode）：</translation>
    </message>
    <message>
        <source>Sync automatically:</source>
        <translation>自動同步：</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>資料</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>對方的</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留對方的</translation>
    </message>
    <message>
        <source>Your changes that lost to a newer one:</source>
        <translation>您的以下變更已被較新的變更取代：</translation>
    </message>
    <message>
        <source>Off (on start and on demand)</source>
        <translation>關閉（僅在啟動時和手動同步）</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>每小時</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>每 %n 分鐘</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved in the keychain</source>
        <translation>已儲存在鑰匙圈中</translation>
    </message>
    <message>
        <source>A sync is already running; its result will show here.</source>
        <translation>同步正在進行中，結果將顯示在這裡。</translation>
    </message>
    <message>
        <source>Give the server and the database first.</source>
        <translation>請先填寫伺服器和資料庫。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Synced: sent {sent}, received {received}.</source>
        <translation>同步完成：已送出 {sent} 筆，已接收 {received} 筆。</translation>
    </message>
    <message>
        <source>The server asks for a password; type it above.</source>
        <translation>伺服器需要密碼，請在上方輸入。</translation>
    </message>
    <message>
        <source>The server refused the login or password ({reason}).</source>
        <translation>伺服器拒絕了此登入名稱或密碼（{reason}）。</translation>
    </message>
    <message>
        <source>The password could not be saved in the system keychain.</source>
        <translation>無法將密碼儲存到系統鑰匙圈。</translation>
    </message>
    <message>
        <source>Nothing waiting to be sent.</source>
        <translation>沒有待送出的變更。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>有 %n 筆變更等待送出。</numerusform>
        </translation>
    </message>
    <message>
        <source>changed elsewhere later</source>
        <translation>之後在其他地方被修改</translation>
    </message>
    <message>
        <source>not yours any more</source>
        <translation>已不再屬於您</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>遭伺服器拒絕</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>authentication failed</source>
        <translation>身分驗證失敗</translation>
    </message>
    <message>
        <source>server version differs</source>
        <translation>伺服器版本不一致</translation>
    </message>
    <message>
        <source>server not set up</source>
        <translation>伺服器尚未設定</translation>
    </message>
    <message>
        <source>not a team member</source>
        <translation>不是團隊成員</translation>
    </message>
    <message>
        <source>secure connection failed</source>
        <translation>安全連線失敗</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>遭伺服器拒絕</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>非預期的錯誤</translation>
    </message>
</context>
<context>
    <name>SyncStatusItem</name>
    <message>
        <source>Click to open Team sync.</source>
        <translation>按一下開啟團隊同步。</translation>
    </message>
    <message>
        <source>Last synced: {time}</source>
        <translation>上次同步：{time}</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>尚未同步。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n change(s) to send</source>
        <translation>
            <numerusform>離線 · %n 筆修改待送出</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Sync: password needed</source>
        <translation>同步：需要密碼</translation>
    </message>
    <message>
        <source>Sync error: {reason}</source>
        <translation>同步錯誤：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n 筆修改待送出</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>已同步 {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <source>New tag</source>
        <translation>新標籤</translation>
    </message>
    <message>
        <source>Add &amp;tag</source>
        <translation>新增標籤(&amp;T)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock database — CRM Desktop</source>
        <translation>解鎖資料庫 — CRM Desktop</translation>
    </message>
    <message>
        <source>Type the passphrase of &lt;b&gt;{file}&lt;/b&gt;.</source>
        <translation>請輸入 &lt;b&gt;{file}&lt;/b&gt; 的密碼。</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解鎖(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Choose another file…</source>
        <translation>選擇其他檔案(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>UnlockPrompt</name>
    <message>
        <source>Locked — CRM Desktop</source>
        <translation>已鎖定 — CRM Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt; is locked. Type its passphrase to continue; anything you were typing is kept.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; 已鎖定。輸入密碼即可繼續；您正在輸入的內容會保留。</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解鎖(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit CRM Desktop</source>
        <translation>結束 CRM Desktop(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>ViewBar</name>
    <message>
        <source>{view} ({count})</source>
        <translation>{view}（{count}）</translation>
    </message>
</context>
<context>
    <name>Workbook</name>
    <message>
        <source>Report</source>
        <translation>報表</translation>
    </message>
    <message>
        <source>Pipeline funnel</source>
        <translation>銷售漏斗</translation>
    </message>
    <message>
        <source>Won revenue</source>
        <translation>成交營收</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客戶</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>客戶流失</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Follow-up activity</source>
        <translation>跟進活動</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>依地區</translation>
    </message>
    <message>
        <source>By industry</source>
        <translation>依產業</translation>
    </message>
    <message>
        <source>By source</source>
        <translation>依來源</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>依等級</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>預測</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟進</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商機</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商機數</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>轉換率</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>成交數</translation>
    </message>
    <message>
        <source>Churned in the period</source>
        <translation>本期流失</translation>
    </message>
    <message>
        <source>Active at the end</source>
        <translation>期末活躍</translation>
    </message>
    <message>
        <source>Churn rate</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>Churned customers</source>
        <translation>流失客戶</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>Revenue {currency}</source>
        <translation>營收 {currency}</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>未成交</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>成交率</translation>
    </message>
    <message>
        <source>Average days to win</source>
        <translation>平均成交天數</translation>
    </message>
    <message>
        <source>Deals won and lost by owner</source>
        <translation>各負責人的成交與未成交商機</translation>
    </message>
    <message>
        <source>{owner} · {channel}</source>
        <translation>{owner} · {channel}</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Owner · channel</source>
        <translation>負責人 · 方式</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已排定</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Weighted {currency}</source>
        <translation>加權 {currency}</translation>
    </message>
    <message>
        <source>Total {currency}</source>
        <translation>合計 {currency}</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>所有負責人</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>時區</translation>
    </message>
    <message>
        <source>Exported by</source>
        <translation>匯出者</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>匯出時間</translation>
    </message>
    <message>
        <source>Figures computed at</source>
        <translation>資料計算時間</translation>
    </message>
    <message>
        <source>Filter: {list}</source>
        <translation>篩選：{list}</translation>
    </message>
    <message>
        <source>CRM Desktop report</source>
        <translation>CRM Desktop 報表</translation>
    </message>
</context>
</TS>
