// policytext: what privacy policies say about sharing, retention and advertising.
//
//   #include <policytext/policytext.h>
//
//   auto analyzer = policytext::Analyzer::Create();
//   auto doc = (*analyzer)->Analyze("Nous ne vendons jamais vos données.");
//   // doc->clauses[0]: sharing, negated.
#ifndef POLICYTEXT_POLICYTEXT_H_
#define POLICYTEXT_POLICYTEXT_H_

#include "policytext/analyzer.h"
#include "policytext/batch.h"
#include "policytext/clause.h"
#include "policytext/document.h"
#include "policytext/json.h"
#include "policytext/status.h"
#include "policytext/text.h"
#include "policytext/version.h"

#endif  // POLICYTEXT_POLICYTEXT_H_
