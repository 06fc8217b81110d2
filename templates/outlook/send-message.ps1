# Postier: hands one message to Outlook through its COM automation, then either sends it at
# once (mode "send") or opens it for the user to check and send (mode "review"); mode "probe"
# only checks that Outlook answers and lists its accounts.
#
# Every value comes from the UTF-8 JSON file named by -MessageFile: nothing from the message is
# ever part of this script or of its command line, so quotes, accents and spaces in subjects,
# names or file paths need no quoting. This file is plain ASCII on purpose: Windows PowerShell
# 5.1 reads a script without a byte-order mark in the ANSI code page.
#
# Output: one line of JSON, { ok, code, detail }. Exit codes: 0 done, 2 unreadable message
# file, 3 Outlook not available, 4 Outlook refused the message.
param(
  [Parameter(Mandatory = $true)][string]$MessageFile
)

$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8

function Write-Result([bool]$ok, [string]$code, [string]$detail) {
  Write-Output (ConvertTo-Json -Compress @{ ok = $ok; code = $code; detail = $detail })
}

try {
  $message = [System.IO.File]::ReadAllText($MessageFile, [System.Text.Encoding]::UTF8) | ConvertFrom-Json
} catch {
  Write-Result $false 'bad_input' $_.Exception.Message
  exit 2
}

try {
  $outlook = New-Object -ComObject Outlook.Application
  $session = $outlook.GetNamespace('MAPI')
} catch {
  Write-Result $false 'outlook_missing' $_.Exception.Message
  exit 3
}

if ($message.mode -eq 'probe') {
  $addresses = @($session.Accounts | ForEach-Object { $_.SmtpAddress })
  Write-Result $true 'ready' ($addresses -join ', ')
  exit 0
}

# 1 = To, 2 = Cc, 3 = Bcc (OlMailRecipientType)
$recipientTypes = @{ to = 1; cc = 2; bcc = 3 }
# http://schemas.microsoft.com/mapi/string/{PS_INTERNET_HEADERS}/<name>: an Internet header
$headerProperty = 'http://schemas.microsoft.com/mapi/string/{00020386-0000-0000-C000-000000000046}/X-Postier-Message-Id'

try {
  $item = $outlook.CreateItem(0)
  foreach ($field in 'to', 'cc', 'bcc') {
    foreach ($address in @($message.$field)) {
      if ($address) {
        $recipient = $item.Recipients.Add([string]$address)
        $recipient.Type = $recipientTypes[$field]
      }
    }
  }
  [void]$item.Recipients.ResolveAll()
  $item.Subject = [string]$message.subject
  if ($message.html) {
    $item.HTMLBody = [string]$message.html
  } else {
    $item.Body = [string]$message.text
  }
  foreach ($attachment in @($message.attachments)) {
    if ($attachment) {
      # 1 = olByValue: Outlook keeps its own copy of the file.
      [void]$item.Attachments.Add([string]$attachment.path, 1, [System.Type]::Missing, [string]$attachment.name)
    }
  }
  if ($message.replyTo) {
    [void]$item.ReplyRecipients.Add([string]$message.replyTo)
  }
  $item.ReadReceiptRequested = [bool]$message.readReceipt
  if ($message.from) {
    $account = @($session.Accounts | Where-Object { $_.SmtpAddress -ieq [string]$message.from }) | Select-Object -First 1
    if ($account) {
      $item.SendUsingAccount = $account
    } else {
      $item.SentOnBehalfOfName = [string]$message.from
    }
  }
  $item.PropertyAccessor.SetProperty($headerProperty, [string]$message.postierId)

  if ($message.mode -eq 'send') {
    $item.Send()
    Write-Result $true 'sent' ''
  } else {
    $item.Display($false)
    Write-Result $true 'displayed' ''
  }
  exit 0
} catch {
  Write-Result $false 'com_error' $_.Exception.Message
  exit 4
}
