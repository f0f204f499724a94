"""The audit log page and retention (gallring): above every layer, beside samverkan.core.audit that records."""
