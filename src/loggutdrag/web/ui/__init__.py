"""web/ui"""
