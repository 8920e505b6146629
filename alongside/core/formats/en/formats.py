# English times as a clock shows them ("4:57 PM", "12:00 PM"), not Django's "4:57 p.m.", whose
# closing period doubles at the end of a sentence.
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "N j, Y, g:i A"
SHORT_DATETIME_FORMAT = "m/d/Y g:i A"
