"""Words Spectrum's users say that a general speech model gets wrong.

:data:`COMMON_COMPETITORS` are CRM and sales tools users mention as competitors ("they're also
looking at Salesforce"); they bias transcription next to the workspace's own names.
"""

COMMON_COMPETITORS = ("Salesforce", "HubSpot", "Pipedrive", "Zoho", "Microsoft Dynamics", "Close",
                      "Freshsales", "Monday", "Attio", "Copper", "GoHighLevel", "Gong", "Outreach",
                      "Apollo", "Clari")
