"""The output vocabulary of the issue-2 contract: "keys and codes are a contract; keep them stable"."""

CONTRACT = {
    "category": {"endocrine_based", "anti_her2_based", "chemotherapy_based"},
    "option": {"et_cdk46i", "ovarian_function_suppression", "endocrine_monotherapy", "fulvestrant", "elacestrant",
               "pi3k_akt_inhibitor", "everolimus_exemestane", "tucidinostat_exemestane", "parp_inhibitor", "thp",
               "pyrotinib_based", "t_dxd", "t_dm1", "tucatinib_based", "et_anti_her2", "pembrolizumab_chemo",
               "platinum_chemo", "sacituzumab_govitecan", "chemotherapy"},
    "reason": {"bone_metastasis_confirmed_and_survival_3_months", "bone_metastasis_not_confirmed",
               "expected_survival_below_3_months"},
    "agent": {"denosumab", "zoledronic_acid", "pamidronate", "ibandronate", "clodronate"},
    "route": {"SC", "IV", "PO"},
    "blocker": {"uncorrected_hypocalcemia", "crcl_below_30", "on_dialysis", "active_onj", "pregnancy",
                "hypersensitivity"},
    "caution": {"severe_renal_impairment_hypocalcemia_risk", "renal_dose_adjusted", "nephrotoxic_drugs",
                "dental_assessment_pending", "invasive_dental_procedure_planned", "vitamin_d_low", "switching_agents"},
    "before_starting": {"dental_assessment", "correct_hypocalcemia", "calcium_vitamin_d_supplement",
                        "check_vitamin_d", "baseline_calcium"},
    "monitoring_item": {"serum_calcium", "serum_creatinine", "phosphate", "magnesium", "vitamin_d", "dental_exam",
                        "onj_symptoms", "thigh_or_groin_pain"},
    "timing": {"baseline", "before_each_dose", "periodic"},
    "severity": {"block", "caution", "info"},
}
